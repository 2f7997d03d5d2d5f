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
    const adjusted = dim.adjustments.length > 0 ? ` (automatic ${dim.automatic}, adjusted by the facilitator)` : '';
    out.push('', `${d[0]?.toUpperCase()}${d.slice(1)}: ${dim.score}/100${adjusted} (weight ${dim.weight})`);
    const sign = (points: number) => (points > 0 ? `+${points}` : String(points));
    for (const line of dim.evidence) out.push(`  ${sign(line.points).padStart(4)}  ${line.text}`);
    for (const a of dim.adjustments) out.push(`  ${sign(a.points).padStart(4)}  Facilitator adjustment at ${when(scenario, a.t)}: ${a.reason}`);
  }
  const notes = log.flatMap((e) => (e.type === 'facilitator.note' && 'text' in e.payload ? [`  ${when(scenario, e.t)} ${e.payload.text}`] : []));
  if (notes.length > 0) out.push('', 'Facilitator notes:', ...notes);
  const refused = log.filter((e) => e.type === 'action.refused');
  if (refused.length > 0) {
    out.push('', 'Refused actions:');
    for (const entry of refused) if (entry.type === 'action.refused') out.push(`  ${when(scenario, entry.t)} ${entry.payload.action.type}: ${entry.payload.reason}`);
  }
  return `${out.join('\n')}\n`;
}
