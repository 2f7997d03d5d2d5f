import type { LoadedScenario } from '../scenario/loader.ts';
import type { LogEntry } from '../engine/attempt-log.ts';
import { DIMENSIONS, type Scorecard } from '../scoring/scorecard.ts';
import { when } from '../scoring/incident-timeline.ts';

/** The human-readable scorecard the replay command prints. */
export function formatScorecard(scenario: LoadedScenario, card: Scorecard, log: readonly LogEntry[]): string {
  const out: string[] = [];
  out.push(`${scenario.spec.title}  (${scenario.spec.id})`);
  out.push(`Total: ${card.total}/100`);
  for (const d of DIMENSIONS) {
    const dim = card.dimensions[d];
    out.push('', `${d[0]?.toUpperCase()}${d.slice(1)}: ${dim.score}/100 (weight ${dim.weight})`);
    for (const line of dim.evidence) {
      const sign = line.points > 0 ? `+${line.points}` : String(line.points);
      out.push(`  ${sign.padStart(4)}  ${line.text}`);
    }
  }
  const refused = log.filter((e) => e.type === 'action.refused');
  if (refused.length > 0) {
    out.push('', 'Refused actions:');
    for (const entry of refused) if (entry.type === 'action.refused') out.push(`  ${when(scenario, entry.t)} ${entry.payload.action.type}: ${entry.payload.reason}`);
  }
  return `${out.join('\n')}\n`;
}
