/**
 * Candidates who took the same interview scenario, side by side: CSV and Markdown. Pure: the
 * page unlocks the interviews and passes the scorecards in.
 */
import { DIMENSION_LABEL, DIMENSIONS, type Dimension, type Scorecard } from './scorecard.ts';
import { hireSignal, hireSignalLegend, RUBRIC_VERSION } from './rubric.ts';
import type { LoadedScenario } from '../scenario/loader.ts';
import { clockTime } from '../scenario/duration.ts';
import { isActionEntry, type LogEntry } from '../engine/attempt-log.ts';
import { describeEntry } from '../engine/describe-entry.ts';
import { csvField, markdownCell as cell } from './text-cells.ts';


/** One candidate's unlocked scorecard: score() of their log, by this app's rubric (RUBRIC_VERSION). */
export interface ComparedCandidate {
  readonly candidate: string;
  readonly attemptId: string;
  readonly card: Scorecard;
}

/** What the candidate's tab sealed at the end of the interview. */
export interface SealedResult {
  readonly card: Scorecard;
  readonly rubricVersion: string;
}

/**
 * Scorecards are always recomputed from the log by this app's rubric, so every candidate on a
 * scenario is scored the same way. The sealed result is the check: when the rubric in use
 * gives a different automatic score than the one sealed at the end, the interviewer is told.
 */
export function rescoreNotice(current: Scorecard, sealed: SealedResult | undefined): string | undefined {
  if (!sealed) return undefined;
  const changed = DIMENSIONS.filter((d) => sealed.card.dimensions[d]?.automatic !== undefined && sealed.card.dimensions[d].automatic !== current.dimensions[d].automatic);
  if (changed.length === 0 && sealed.rubricVersion === RUBRIC_VERSION) return undefined;
  const was = DIMENSIONS.map((d) => `${DIMENSION_LABEL[d]} ${sealed.card.dimensions[d]?.automatic ?? '?'}`).join(', ');
  return changed.length === 0
    ? `Sealed at the end of the interview under rubric ${sealed.rubricVersion}; this app scores with ${RUBRIC_VERSION}, and the automatic scores are the same.`
    : `Sealed at the end of the interview under rubric ${sealed.rubricVersion} with automatic scores ${was}; this app scores with ${RUBRIC_VERSION} and gives different ${changed.map((d) => DIMENSION_LABEL[d]).join(', ')} scores. Compare candidates scored by the same rubric.`;
}

/** One row per candidate: total, each dimension's score, hire signal and weight, and the rubric version. */
export function comparisonCsv(scenarioId: string, rows: readonly ComparedCandidate[]): string {
  const header = ['scenario', 'candidate', 'attempt', 'rubric_version', 'total', ...DIMENSIONS.flatMap((d) => [d, `${d}_signal`, `${d}_weight`])];
  const lines = [header.join(',')];
  for (const row of rows) {
    const dims = DIMENSIONS.flatMap((d) => [row.card.dimensions[d].score, hireSignal(row.card.dimensions[d].score), row.card.dimensions[d].weight]);
    lines.push([scenarioId, row.candidate, row.attemptId, RUBRIC_VERSION, row.card.total, ...dims].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A Markdown summary: a table of candidates, the weights each was scored with, and the thresholds. */
export function comparisonMarkdown(scenarioTitle: string, rows: readonly ComparedCandidate[]): string {
  const out: string[] = [`# Interview comparison: ${cell(scenarioTitle)}`, ''];
  out.push(`Every scorecard is computed from the candidate's log by rubric version ${RUBRIC_VERSION}, with that interview's weights.`);
  out.push(`${hireSignalLegend()}`, '');
  if (rows.length === 0) {
    out.push('No unlocked interviews.');
    return `${out.join('\n')}\n`;
  }
  out.push(`| Candidate | Total | ${DIMENSIONS.map((d) => DIMENSION_LABEL[d]).join(' | ')} |`);
  out.push(`|---|---|${DIMENSIONS.map(() => '---').join('|')}|`);
  for (const row of rows) {
    out.push(`| ${cell(row.candidate)} | ${row.card.total} | ${DIMENSIONS.map((d) => `${row.card.dimensions[d].score} (${hireSignal(row.card.dimensions[d].score)})`).join(' | ')} |`);
  }
  out.push('', '## Weights used', '');
  out.push(`| Candidate | ${DIMENSIONS.map((d) => DIMENSION_LABEL[d]).join(' | ')} |`);
  out.push(`|---|${DIMENSIONS.map(() => '---').join('|')}|`);
  for (const row of rows) out.push(`| ${cell(row.candidate)} | ${DIMENSIONS.map((d) => row.card.dimensions[d].weight).join(' | ')} |`);
  return `${out.join('\n')}\n`;
}

/** Ten simulated minutes between the ticks of the aligned timelines. */
const TICK_MS = 600_000;

/**
 * Candidates' actions on one simulated-time axis: from the start to the later of the scenario's
 * end and the last entry of any log. Each mark has its position along the axis (0–1), its kind
 * (the action's family: alert, priority, escalation, update, ...) and its text.
 */
export function alignedTimelines(scenario: LoadedScenario, rows: readonly { readonly attemptId: string; readonly candidate: string; readonly log: readonly LogEntry[] }[]) {
  const end = Math.max(scenario.duration, ...rows.map((r) => r.log.at(-1)?.t ?? 0), 1);
  const at = (t: number) => clockTime(scenario.spec.clockStart, t);
  return {
    from: at(0),
    to: at(end),
    ticks: Array.from({ length: Math.floor(end / TICK_MS) + 1 }, (_, i) => ({ label: at(i * TICK_MS), position: (i * TICK_MS) / end })),
    rows: rows.map((row) => ({
      attemptId: row.attemptId,
      candidate: row.candidate,
      marks: row.log.filter(isActionEntry).map((entry) => ({ seq: entry.seq, kind: entry.type.split('.')[0] ?? entry.type, position: entry.t / end, text: `${at(entry.t)} ${describeEntry(scenario, entry, row.log).text}` })),
    })),
  };
}
