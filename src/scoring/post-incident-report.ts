import { csvField, markdownCell as cell, signed } from './text-cells.ts';
import { DIMENSION_LABEL } from './scorecard.ts';
import type { LoadedScenario } from '../scenario/loader.ts';
import { AUDIENCE_LABEL } from '../scenario/triggers.ts';
import { own } from '../scenario/own.ts';
import { actionsOf, sceneOf, type LogEntry } from '../engine/attempt-log.ts';
import { actorLabel, describeEntry } from '../engine/describe-entry.ts';
import { teamCredit, THE_TEAM } from './team-credit.ts';
import { DIMENSIONS, type Scorecard } from './scorecard.ts';
import { when } from './incident-timeline.ts';
import { formatDuration } from '../scenario/duration.ts';

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();



/**
 * A post-incident report in Markdown: summary, timeline, decisions, the RCA and the scores
 * with their evidence. Reads well pasted into a wiki page or a ticket.
 */
export function postIncidentReport(scenario: LoadedScenario, log: readonly LogEntry[], card: Scorecard, meta: { readonly mode: string; readonly played?: string; readonly participants?: readonly string[] }): string {
  const { spec } = scenario;
  const out: string[] = [];
  const resolved = actionsOf(log, 'incident.resolve')[0];
  const rca = actionsOf(log, 'rca.submit')[0]?.action.rca;
  const name = (id: string) => [...spec.teams, ...(spec.vendors ?? [])].find((t) => t.id === id)?.name ?? id;

  out.push(`# Post-incident report: ${cell(spec.title)}`, '');
  out.push(`Scenario \`${spec.id}\` · ${meta.mode} mode${meta.played ? ` · played ${meta.played}` : ''}`, '');
  out.push('## Summary', '');
  out.push(`- **Total score:** ${card.total}/100 (${DIMENSIONS.map((d) => `${DIMENSION_LABEL[d]} ${card.dimensions[d].score}`).join(', ')})`);
  out.push(`- **Resolved:** ${resolved ? `${when(scenario, resolved.t)}${resolved.action.summary ? `: ${cell(resolved.action.summary)}` : ''}` : 'no'}`);
  const phases = sceneOf(log, 'phase.enter').map((p) => own(spec.phases, p.payload.phase)?.title ?? p.payload.phase);
  out.push(`- **How it unfolded:** ${phases.map(cell).join(' → ')}`);
  if (meta.participants && meta.participants.length > 0) out.push(`- **Team:** ${meta.participants.map(cell).join(', ')}`);
  out.push('');

  if (meta.participants && meta.participants.length > 0) {
    out.push('## Who decided what', '');
    for (const credit of teamCredit(scenario, log, meta.participants)) {
      out.push(`### ${cell(credit.who)}`, '');
      if (credit.decisions.length === 0) out.push(credit.who === THE_TEAM ? '- (none)' : '- No decisions recorded for them.');
      for (const d of credit.decisions) out.push(`- ${when(scenario, d.t)} ${cell(d.text)}`);
      out.push('');
    }
  }

  out.push('## Timeline', '', '| Time | Who | What |', '|---|---|---|');
  for (const entry of log) {
    if (entry.type === 'exercise.start') continue;
    const { who, text } = describeEntry(scenario, entry, log);
    out.push(`| ${when(scenario, entry.t)} | ${cell(actorLabel(entry, who, { own: false, tabletop: meta.mode === 'tabletop' }))} | ${cell(text)} |`);
  }
  out.push('');

  out.push('## Decisions', '');
  for (const { t, action } of actionsOf(log, 'priority.set')) out.push(`- ${when(scenario, t)} priority **${action.level}**${action.reason ? `: ${cell(action.reason)}` : ''}`);
  for (const { t } of actionsOf(log, 'incident.declare-major')) out.push(`- ${when(scenario, t)} major incident declared`);
  for (const { t, action } of actionsOf(log, 'escalation.send')) out.push(`- ${when(scenario, t)} escalated to **${cell(name(action.to))}**${action.evidence.length ? ` with ${action.evidence.map((id) => cell(own(spec.evidence, id)?.title ?? id)).join(', ')}` : ''}${action.note ? `: “${cell(action.note)}”` : ''}`);
  for (const { t, action } of actionsOf(log, 'mitigation.apply')) {
    const result = sceneOf(log, 'mitigation.result').find((r) => r.payload.mitigation === action.mitigation);
    out.push(`- ${when(scenario, t)} applied **${cell(own(spec.mitigations, action.mitigation)?.title ?? action.mitigation)}**${result ? `: ${cell(result.payload.message)}` : ''}`);
  }
  for (const { t, action } of actionsOf(log, 'change.link')) out.push(`- ${when(scenario, t)} linked change ${cell(action.change)}`);
  const updates = actionsOf(log, 'update.post');
  out.push(`- ${updates.length} status update${updates.length === 1 ? '' : 's'}${updates.length ? ` (${[...new Set(updates.map((u) => AUDIENCE_LABEL[u.action.audience]))].join(', ')})` : ''}`, '');

  out.push('## Root-cause analysis', '');
  if (!rca) {
    out.push('No RCA was submitted.', '');
  } else {
    out.push(`**Proximate cause.** ${cell(rca.proximateCause) || '(not stated)'}`, '');
    out.push(`**Root cause.** ${cell(rca.rootCause) || '(not stated)'}`, '');
    out.push('**Contributing factors.**', '');
    out.push(...(rca.contributingFactors.length ? rca.contributingFactors.map((f) => `- ${cell(f)}`) : ['- (none stated)']), '');
    out.push('**Actions.**', '', '| Kind | Action | Owner | Due | Measure of success |', '|---|---|---|---|---|');
    for (const a of rca.actions) out.push(`| ${a.kind} | ${cell(a.text)} | ${cell(a.owner) || '–'} | ${cell(a.due) || '–'} | ${cell(a.measure) || '–'} |`);
    out.push('');
  }

  out.push('## Scores', '');
  for (const d of DIMENSIONS) {
    const dim = card.dimensions[d];
    out.push(`### ${DIMENSION_LABEL[d]}: ${dim.score}/100 (weight ${dim.weight})`, '');
    for (const line of dim.evidence) out.push(`- ${line.points > 0 ? `+${line.points}` : line.points} ${cell(line.text)}`);
    if (dim.adjustments.length > 0) {
      out.push('', `Automatic score ${dim.automatic}/100; facilitator adjustments:`, '');
      for (const a of dim.adjustments) out.push(`- ${signed(a.points)} at ${when(scenario, a.t)}: ${cell(a.reason)}`);
      out.push('', `Adjusted score: ${dim.score}/100`);
    }
    out.push('');
  }

  const notes = notesOf(log);
  const adjusted = DIMENSIONS.some((d) => card.dimensions[d].adjustments.length > 0);
  if (notes.length > 0 || adjusted) {
    out.push("## Facilitator's notes and adjustments", '');
    for (const note of notes) out.push(`- ${when(scenario, note.t)} note: ${cell(note.text)}`);
    for (const d of DIMENSIONS) for (const a of card.dimensions[d].adjustments) out.push(`- ${when(scenario, a.t)} ${DIMENSION_LABEL[d]} ${signed(a.points)}: ${cell(a.reason)}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}


/** The facilitator's notes in the clear (sealed ones are left out until unsealed). */
export function notesOf(log: readonly LogEntry[]): { readonly t: number; readonly text: string }[] {
  return log.flatMap((entry) => (entry.type === 'facilitator.note' && 'text' in entry.payload ? [{ t: entry.t, text: entry.payload.text }] : []));
}

export interface ScoreRow {
  readonly attemptId: string;
  readonly scenarioId: string;
  readonly mode: string;
  readonly started: string;
  readonly status: string;
  readonly card: Scorecard | undefined;
  /** The facilitator's notes (see `notesOf`). */
  readonly notes?: readonly { readonly t: number; readonly text: string }[];
}


/**
 * Scorecards as CSV: one row per attempt, one column per dimension (the adjusted scores, and
 * the adjusted total), then the facilitator's adjustments and notes, each as one cell of
 * `;`-separated items.
 */
export function scorecardCsv(rows: readonly ScoreRow[]): string {
  const header = ['attempt', 'scenario', 'mode', 'started', 'status', 'total', ...DIMENSIONS, 'adjustments', 'notes'];
  const lines = [header.join(',')];
  for (const row of rows) {
    const scores = row.card ? [row.card.total, ...DIMENSIONS.map((d) => row.card?.dimensions[d].score ?? '')] : ['', ...DIMENSIONS.map(() => '')];
    const adjustments = row.card ? DIMENSIONS.flatMap((d) => (row.card?.dimensions[d].adjustments ?? []).map((a) => `${d} ${signed(a.points)} at +${formatDuration(a.t)}: ${oneLine(a.reason)}`)).join('; ') : '';
    const notes = (row.notes ?? []).map((n) => `+${formatDuration(n.t)}: ${oneLine(n.text)}`).join('; ');
    lines.push([row.attemptId, row.scenarioId, row.mode, row.started, row.status, ...scores, adjustments, notes].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
