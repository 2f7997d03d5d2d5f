import type { LoadedScenario } from '../scenario/loader.ts';
import { spokenDuration } from '../scenario/duration.ts';
import { actionsOf, type LogEntry } from '../engine/attempt-log.ts';
import { ESCALATION } from './rubric.ts';
import type { EvidenceLine } from './scorecard.ts';
import { ms, when } from './incident-timeline.ts';
import { findPhrase, hasTerm, stems } from './text-match.ts';

const IMPACT_WORDS = [/\b(users?|staff|employees|colleagues|customers|people|offices?|sites?|everyone|nobody|all)\b/i, /\b\d+\s*(%|percent|users|tickets|calls)/i];
const IMPACT_STATE = /\b(fail\w*|down|unavailable|cannot|can't|unable|error\w*|outage|degraded|broken|impact\w*|affected|rejected|timing out|time-?outs?)\b/i;
const TIMELINE = [/\b([01]?\d|2[0-3]):[0-5]\d\b/, /\b(since|started|began|from)\b/i];
const RULED_OUT = [/\bruled out\b/i, /\b(checked|verified|confirmed|excluded|tested)\b/i, /\bnot (the|a|related|caused|affected)\b/i, /\b(is|are) (fine|healthy|ok|normal|up)\b/i];

/**
 * Escalation: the right resolver groups and vendors, by their deadlines, with a complete
 * evidence package; wrong or duplicate escalations cost.
 */
export function scoreEscalation(scenario: LoadedScenario, log: readonly LogEntry[]): EvidenceLine[] {
  const { spec } = scenario;
  const ex = spec.expectations;
  const lines: EvidenceLine[] = [];
  const sent = actionsOf(log, 'escalation.send');
  const required = ex.escalations.filter((e) => e.optional !== true);
  const share = required.length > 0 ? 100 / required.length : 0;
  const lateWindow = ms(ESCALATION.lateWindow);
  const name = (id: string) => [...spec.teams, ...(spec.vendors ?? [])].find((t) => t.id === id)?.name ?? id;
  const serviceWords = spec.services.flatMap((s) => [s.id, s.name]);

  for (const expectation of ex.escalations) {
    const to = sent.filter((s) => s.action.to === expectation.to);
    const by = ms(expectation.by);
    const why = expectation.why ? ` (${expectation.why})` : '';
    if (expectation.optional === true) {
      if (to[0]) lines.push({ t: to[0].t, points: 0, text: `Engaged ${name(expectation.to)} at ${when(scenario, to[0].t)}: optional here, no points either way.` });
      continue;
    }
    const first = to[0];
    if (!first) {
      lines.push({ t: null, points: 0, text: `${name(expectation.to)} was never engaged; expected by ${when(scenario, by)}${why}.` });
      continue;
    }
    // Timeliness.
    const late = first.t - by;
    const timely = late <= 0 ? 1 : Math.max(ESCALATION.lateFloorShare, 1 - (late / lateWindow) * (1 - ESCALATION.lateFloorShare));
    lines.push({
      t: first.t,
      points: share * ESCALATION.timelyShare * timely,
      text:
        late <= 0
          ? `Escalated to ${name(expectation.to)} at ${when(scenario, first.t)}, by the deadline ${when(scenario, by)}: full marks.`
          : `Escalated to ${name(expectation.to)} at ${when(scenario, first.t)}, ${spokenDuration(late)} after the deadline ${when(scenario, by)}${why}.`,
    });
    // Evidence attached.
    const wanted = expectation.evidence ?? [];
    const attached = new Set(to.flatMap((s) => s.action.evidence));
    if (wanted.length > 0) {
      const missing = wanted.filter((id) => !attached.has(id));
      const title = (id: string) => spec.evidence[id]?.title ?? id;
      lines.push({
        t: first.t,
        points: share * ESCALATION.evidenceShare * ((wanted.length - missing.length) / wanted.length),
        text: missing.length === 0 ? `Escalation to ${name(expectation.to)} carried the evidence a resolver needs (${wanted.map(title).join(', ')}).` : `Escalation to ${name(expectation.to)} lacked ${missing.map(title).join(', ')}; the resolver has to ask for it again.`,
      });
    } else {
      lines.push({ t: first.t, points: share * ESCALATION.evidenceShare, text: `No particular evidence was required for ${name(expectation.to)}.` });
    }
    // The note: impact, timeline, what was ruled out.
    const note = to.map((s) => s.action.note).join(' ');
    const tokens = stems(note);
    const hasImpact = (findPhrase(note, IMPACT_WORDS) !== undefined || serviceWords.some((w) => hasTerm(tokens, w))) && IMPACT_STATE.test(note);
    const hasTimeline = findPhrase(note, TIMELINE) !== undefined;
    const hasRuledOut = findPhrase(note, RULED_OUT) !== undefined;
    const have = [hasImpact && 'impact', hasTimeline && 'timeline', hasRuledOut && 'what was checked or ruled out'].filter((x): x is string => typeof x === 'string');
    const lack = [!hasImpact && 'impact (who and what is failing)', !hasTimeline && 'timeline (since when)', !hasRuledOut && 'what was checked or ruled out'].filter((x): x is string => typeof x === 'string');
    lines.push({
      t: first.t,
      points: share * ESCALATION.noteShare * (have.length / 3),
      text: lack.length === 0 ? `Escalation note to ${name(expectation.to)} states impact, timeline and what was ruled out.` : `Escalation note to ${name(expectation.to)} ${have.length ? `states ${have.join(' and ')} but ` : ''}lacks ${lack.join(', ')}.`,
    });
  }

  // Wrong and duplicate escalations.
  const expected = new Set([...ex.escalations.map((e) => e.to), ...(ex.acceptableEscalations ?? [])]);
  const duplicateWindow = ms(ESCALATION.duplicateWindow);
  sent.forEach((s, i) => {
    if (!expected.has(s.action.to)) {
      lines.push({ t: s.t, points: ESCALATION.wrongTarget, text: `Escalated to ${name(s.action.to)} at ${when(scenario, s.t)}, which this incident did not need: it pulls a resolver team away and muddies ownership.` });
      return;
    }
    const before = sent.slice(0, i).filter((p) => p.action.to === s.action.to);
    const previous = before.at(-1);
    const known = new Set(before.flatMap((p) => p.action.evidence));
    const addsEvidence = s.action.evidence.some((id) => !known.has(id));
    if (previous && s.t - previous.t < duplicateWindow && !addsEvidence) {
      lines.push({ t: s.t, points: ESCALATION.duplicate, text: `Escalated to ${name(s.action.to)} again at ${when(scenario, s.t)}, ${spokenDuration(s.t - previous.t)} after the last time, with nothing new: a duplicate.` });
    }
  });
  return lines;
}
