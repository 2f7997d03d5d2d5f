import type { LoadedScenario } from '../scenario/loader.ts';
import { spokenDuration } from '../scenario/duration.ts';
import { actionsOf, type LogEntry } from '../engine/attempt-log.ts';
import { SEVERITY } from './rubric.ts';
import type { EvidenceLine } from './scorecard.ts';
import { expectedLevels, incidentEnd, levelAt, levelRank, ms, traineeLevels, when } from './incident-timeline.ts';

/**
 * Severity assignment: set soon, right at every moment, re-assessed when impact changed, and
 * a major incident declared when the situation called for one. Under-reaction costs more
 * than over-reaction.
 */
export function scoreSeverity(scenario: LoadedScenario, log: readonly LogEntry[]): EvidenceLine[] {
  const ex = scenario.spec.expectations;
  const lines: EvidenceLine[] = [];
  const expected = expectedLevels(scenario, log);
  const trainee = traineeLevels(log);
  const end = incidentEnd(scenario, log);
  const setWithin = ms(ex.setWithin ?? SEVERITY.defaultSetWithin);
  const reassessWithin = ms(ex.reassessWithin ?? SEVERITY.defaultReassessWithin);
  const laterChanges = expected.slice(1).filter((c) => c.t < end);
  const majorPoints = ex.majorIncident ? SEVERITY.major : 0;
  const reassessPoints = laterChanges.length > 0 ? SEVERITY.reassess : 0;
  const accuracyPoints = SEVERITY.accuracy + (SEVERITY.major - majorPoints) + (SEVERITY.reassess - reassessPoints);

  // 1. Time to first priority.
  const first = trainee[0];
  const firstExpected = expected[0];
  if (!first) {
    lines.push({ t: null, points: 0, text: `Priority was never set; expected ${firstExpected?.level ?? 'a priority'} within ${spokenDuration(setWithin)} of the first signs of impact.` });
  } else {
    const late = first.t - setWithin;
    const share = late <= 0 ? 1 : Math.max(0, 1 - late / (2 * setWithin));
    lines.push({
      t: first.t,
      points: SEVERITY.firstSet * share,
      text: `First priority ${first.level} set at ${when(scenario, first.t)}; expected within ${spokenDuration(setWithin)}${share === 1 ? ': full marks' : `: ${spokenDuration(late)} late`}.`,
    });
  }

  // 2. Time-weighted accuracy, with a grace period after each expected change.
  const graceEnds = [0, ...expected.slice(1).map((c) => c.t)].map((t, i) => t + (i === 0 ? setWithin : reassessWithin));
  const cuts = new Set<number>([0, end, ...expected.map((c) => c.t), ...trainee.map((c) => c.t), ...graceEnds].filter((t) => t >= 0 && t <= end));
  const points = [...cuts].sort((a, b) => a - b);
  let counted = 0;
  let penalty = 0;
  let underMs = 0;
  let overMs = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] ?? 0;
    const b = points[i + 1] ?? 0;
    const dt = b - a;
    if (dt <= 0) continue;
    const want = levelAt(expected, a);
    if (!want) continue;
    const lastChange = [...expected].reverse().find((c) => c.t <= a);
    const grace = (lastChange?.t ?? 0) + (lastChange === expected[0] ? setWithin : reassessWithin);
    const have = levelAt(trainee, a);
    const matches = have !== undefined && levelRank(have) === levelRank(want);
    // Time to react: until the grace ends, a level the trainee has not touched since the
    // expected one changed is not held against them. A level they chose is.
    const lastSet = [...trainee].reverse().find((c) => c.t <= a)?.t;
    const notYetReacted = lastSet === undefined || lastSet < (lastChange?.t ?? 0);
    if (a < grace && !matches && notYetReacted) continue;
    counted += dt;
    if (have === undefined || levelRank(have) > levelRank(want)) {
      penalty += dt * SEVERITY.underWeight;
      underMs += dt;
    } else if (levelRank(have) < levelRank(want)) {
      const by = levelRank(want) - levelRank(have);
      penalty += dt * (by === 1 ? SEVERITY.overByOneWeight : SEVERITY.overByMoreWeight);
      overMs += dt;
    }
  }
  const accuracy = counted === 0 ? (first ? 1 : 0) : 1 - penalty / counted;
  const parts = [`right level for ${spokenDuration(counted - underMs - overMs)} of ${spokenDuration(counted)} assessed`];
  if (underMs > 0) parts.push(`too low or unset for ${spokenDuration(underMs)}`);
  if (overMs > 0) parts.push(`higher than needed for ${spokenDuration(overMs)} (costs less than too low)`);
  lines.push({ t: null, points: accuracyPoints * Math.max(0, accuracy), text: `Priority in force vs expected: ${parts.join('; ')}.` });

  // 3. Re-assessment when impact changed.
  for (const change of laterChanges) {
    const share = reassessPoints / laterChanges.length;
    const next = expected.find((c) => c.t > change.t)?.t ?? end;
    const response = trainee.find((c) => c.t >= change.t && c.t < next && c.level === change.level);
    const already = levelAt(trainee, change.t) === change.level;
    const direction = levelRank(change.level) < levelRank(levelAt(expected, change.t - 1) ?? change.level) ? 'rose' : 'fell';
    const why = change.why ? ` (${change.why})` : '';
    if (already) {
      lines.push({ t: change.t, points: share, text: `Expected priority ${direction} to ${change.level} at ${when(scenario, change.t)}${why}; it was already ${change.level}: full marks.` });
    } else if (response && response.t - change.t <= reassessWithin) {
      lines.push({ t: response.t, points: share, text: `Expected priority ${direction} to ${change.level} at ${when(scenario, change.t)}${why}; re-assessed to ${change.level} at ${when(scenario, response.t)}, ${spokenDuration(response.t - change.t)} later: full marks.` });
    } else if (response) {
      lines.push({ t: response.t, points: share * SEVERITY.lateReassessShare, text: `Expected priority ${direction} to ${change.level} at ${when(scenario, change.t)}${why}; re-assessed only at ${when(scenario, response.t)}, ${spokenDuration(response.t - change.t)} later (expected within ${spokenDuration(reassessWithin)}).` });
    } else {
      lines.push({ t: change.t, points: 0, text: `Expected priority ${direction} to ${change.level} at ${when(scenario, change.t)}${why}; the priority was not re-assessed to ${change.level}.` });
    }
  }

  // 4. Major incident declaration.
  if (ex.majorIncident) {
    const by = ms(ex.majorIncident.by);
    const declared = actionsOf(log, 'incident.declare-major')[0];
    if (!declared) lines.push({ t: null, points: 0, text: `No major incident was declared; expected by ${when(scenario, by)}${ex.majorIncident.why ? ` (${ex.majorIncident.why})` : ''}.` });
    else if (declared.t <= by) lines.push({ t: declared.t, points: majorPoints, text: `Major incident declared at ${when(scenario, declared.t)}, by the expected ${when(scenario, by)}: full marks.` });
    else {
      const share = Math.max(0.2, 1 - (declared.t - by) / (2 * setWithin));
      lines.push({ t: declared.t, points: majorPoints * share, text: `Major incident declared at ${when(scenario, declared.t)}, ${spokenDuration(declared.t - by)} after the expected ${when(scenario, by)}.` });
    }
  }
  return lines;
}
