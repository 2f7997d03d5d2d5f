/**
 * Candidates who took the same interview scenario, side by side: CSV and Markdown. Pure: the
 * page unlocks the interviews and passes the scorecards in.
 */
import { DIMENSION_LABEL, DIMENSIONS, type Dimension, type Scorecard } from './scorecard.ts';
import { HIRE_SIGNAL, hireSignal } from './rubric.ts';


export interface ComparedCandidate {
  readonly candidate: string;
  readonly attemptId: string;
  readonly card: Scorecard;
  readonly weights: Readonly<Record<Dimension, number>>;
  readonly rubricVersion: string;
}

const csvField = (value: string | number): string => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const cell = (text: string): string => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();

/** One row per candidate: total, each dimension's score, hire signal and weight, and the rubric version. */
export function comparisonCsv(scenarioId: string, rows: readonly ComparedCandidate[]): string {
  const header = ['scenario', 'candidate', 'attempt', 'rubric_version', 'total', ...DIMENSIONS.flatMap((d) => [d, `${d}_signal`, `${d}_weight`])];
  const lines = [header.join(',')];
  for (const row of rows) {
    const dims = DIMENSIONS.flatMap((d) => [row.card.dimensions[d].score, hireSignal(row.card.dimensions[d].score), row.weights[d]]);
    lines.push([scenarioId, row.candidate, row.attemptId, row.rubricVersion, row.card.total, ...dims].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A Markdown summary: a table of candidates, the weights each was scored with, and the thresholds. */
export function comparisonMarkdown(scenarioTitle: string, rows: readonly ComparedCandidate[]): string {
  const out: string[] = [`# Interview comparison: ${cell(scenarioTitle)}`, ''];
  const versions = [...new Set(rows.map((r) => r.rubricVersion))];
  out.push(`Rubric version: ${versions.join(', ') || 'none'}${versions.length > 1 ? ' (differs between candidates: compare with care)' : ''}.`);
  out.push(`Hire signal per dimension: strong ≥ ${HIRE_SIGNAL.strong}, meets ≥ ${HIRE_SIGNAL.meets}, below under ${HIRE_SIGNAL.meets}.`, '');
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
  out.push(`| Candidate | Rubric version | ${DIMENSIONS.map((d) => DIMENSION_LABEL[d]).join(' | ')} |`);
  out.push(`|---|---|${DIMENSIONS.map(() => '---').join('|')}|`);
  for (const row of rows) out.push(`| ${cell(row.candidate)} | ${row.rubricVersion} | ${DIMENSIONS.map((d) => row.weights[d]).join(' | ')} |`);
  return `${out.join('\n')}\n`;
}
