import type { LoadedScenario } from '../scenario/loader.ts';
import { parseDuration } from '../scenario/duration.ts';
import { actionsOf, isActionEntry, type LogEntry } from '../engine/attempt-log.ts';
import { describeEntry } from '../engine/describe-entry.ts';
import { ACTION_INFO } from '../engine/actions.ts';
import { DIMENSIONS, type Dimension, type EvidenceLine, type Scorecard } from './scorecard.ts';
import { expectedLevels, incidentEnd, levelRank, traineeLevels } from './incident-timeline.ts';
import { updateSchedule } from './update-cadence.ts';

export interface DebriefPoint {
  readonly t: number;
  readonly label: string;
  readonly text: string;
}

export interface DebriefModel {
  readonly end: number;
  /** What the trainee did, in order. */
  readonly actions: readonly DebriefPoint[];
  /** What an expert would have done (the scenario's debrief reference). */
  readonly reference: readonly DebriefPoint[];
  /** Priority as a step series, rank 1 (P1) to 4 (P4): the trainee's and the expected. */
  readonly priority: readonly { readonly t: number; readonly yours: number | null; readonly expected: number }[];
  readonly updatesPosted: readonly DebriefPoint[];
  readonly updatesMissed: readonly DebriefPoint[];
  readonly escalationsSent: readonly DebriefPoint[];
  readonly escalationDeadlines: readonly DebriefPoint[];
  /** Each scored dimension's evidence, split for the debrief. */
  readonly dimensions: Readonly<Record<Dimension, { readonly wentWell: readonly EvidenceLine[]; readonly toImprove: readonly EvidenceLine[] }>>;
  /** Evidence lines tied to a moment, for the timeline's tooltips. */
  readonly evidencePoints: readonly DebriefPoint[];
}

const DIMENSION_LABEL: Record<Dimension, string> = { severity: 'Severity', escalation: 'Escalation', communication: 'Communication', rca: 'RCA' };

/**
 * Everything the debrief draws, derived from the scenario, the log and the scorecard: the
 * page only lays it out.
 */
export function debriefModel(scenario: LoadedScenario, log: readonly LogEntry[], card: Scorecard): DebriefModel {
  const { spec } = scenario;
  const end = incidentEnd(scenario, log);
  const name = (id: string) => [...spec.teams, ...(spec.vendors ?? [])].find((t) => t.id === id)?.name ?? id;
  const actions = log.filter(isActionEntry).map((entry) => ({ t: entry.t, label: ACTION_INFO[entry.type].label, text: describeEntry(scenario, entry, log).text }));
  const reference = spec.debrief.reference.map((step) => ({ t: parseDuration(step.at) ?? 0, label: 'Expert', text: `${step.action} Why: ${step.why}` }));

  const yours = traineeLevels(log);
  const expected = expectedLevels(scenario, log);
  const cuts = [...new Set([0, end, ...yours.map((c) => c.t), ...expected.map((c) => c.t)])].filter((t) => t <= end).sort((a, b) => a - b);
  const at = (changes: readonly { t: number; level: Parameters<typeof levelRank>[0] }[], t: number) => {
    const last = [...changes].reverse().find((c) => c.t <= t);
    return last ? levelRank(last.level) : null;
  };
  const priority = cuts.map((t) => ({ t, yours: at(yours, t), expected: at(expected, t) ?? 4 }));

  const schedule = updateSchedule(scenario, log, end);
  const updatesPosted = actionsOf(log, 'update.post').map(({ t, action }) => ({ t, label: 'Update', text: `Update to ${action.audience}: ${action.text}` }));
  const updatesMissed = schedule.missedAt.map((t) => ({ t, label: 'Missed update', text: `An update was due and none was posted (${schedule.levelIn(t)} cadence).` }));
  const escalationsSent = actionsOf(log, 'escalation.send').map(({ t, action }) => ({ t, label: 'Escalation', text: `Escalated to ${name(action.to)}${action.note ? `: ${action.note}` : ''}` }));
  const escalationDeadlines = spec.expectations.escalations.map((e) => ({ t: parseDuration(e.by) ?? 0, label: 'Deadline', text: `${name(e.to)} expected by now${e.optional ? ' (optional)' : ''}${e.why ? `: ${e.why}` : ''}` }));

  // A line that gained points and names no shortfall went well; everything else is to improve.
  const shortfall = /\b(late|lacks?|missing|not |never|no |only )/i;
  const split = (d: Dimension) => {
    const lines = card.dimensions[d].evidence;
    return { wentWell: lines.filter((l) => l.points > 0 && !shortfall.test(l.text)), toImprove: lines.filter((l) => l.points <= 0 || shortfall.test(l.text)) };
  };
  const dimensions = { severity: split('severity'), escalation: split('escalation'), communication: split('communication'), rca: split('rca') };
  const evidencePoints = DIMENSIONS.flatMap((d) => card.dimensions[d].evidence.filter((l) => l.t !== null).map((l) => ({ t: l.t ?? 0, label: DIMENSION_LABEL[d], text: `${l.points > 0 ? '+' : ''}${l.points} ${l.text}` })));

  return { end, actions, reference, priority, updatesPosted, updatesMissed, escalationsSent, escalationDeadlines, dimensions, evidencePoints };
}
