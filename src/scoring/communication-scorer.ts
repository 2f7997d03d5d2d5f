import type { LoadedScenario } from '../scenario/loader.ts';
import type { Level } from '../scenario/schema.ts';
import { spokenDuration } from '../scenario/duration.ts';
import { actionsOf, type LogEntry } from '../engine/attempt-log.ts';
import { COMMUNICATION } from './rubric.ts';
import type { EvidenceLine } from './scorecard.ts';
import { expectedLevels, incidentEnd, levelAt, ms, traineeLevels, when } from './incident-timeline.ts';
import { findAll, findPhrase, hasTerm, matchGroups, quote, stems } from './text-match.ts';

const PEOPLE = /\b(users?|staff|employees|colleagues|customers|people|offices?|sites?|everyone|nobody|teams?|remote workers|some|all)\b/i;
const IMPACT = /\b(fail\w*|down|unavailable|cannot|can't|unable|errors?|outage|degraded|disrupt\w*|affected|impact\w*|not working|slow|intermittent\w*)\b/i;
const KNOWN = [/\b(we know|identified|confirmed|found|traced|isolated|cause|linked to|related to|narrowed|investigat\w+|diagnos\w+|restored|recovered|resolved|stable)\b/i];
const DOING = [/\b(we are|we're|we have|engineers?|teams? (?:is|are)|working|rolling back|roll(?:ed)? back|revert\w*|escalated|engaged|applying|restoring|fix\w*|bridge|monitoring the recovery|implement\w*)\b/i];
const NEXT = [/\bnext update\b/i, /\b(further|another) update\b/i, /\bupdate (?:you |again )?(?:at|by|in|before)\b/i];
const SPECULATION = [/\bprobably\b/i, /\bmaybe\b/i, /\bmight be\b/i, /\bcould be\b/i, /\bwe (?:think|believe|suspect|guess)\b/i, /\bpossibly\b/i, /\bhack(?:ed|ers?)\b/i, /\bI (?:think|guess)\b/i];
const BLAME = [/\bhuman error\b/i, /\b(?:his|her|their) fault\b/i, /\bfault of\b/i, /\bblame\w*\b/i, /\bcareless\w*\b/i, /\bincompeten\w*\b/i, /\bshould have known\b/i, /\bscrewed up\b/i, /\bmessed up\b/i];

/**
 * Communication: the first update within the window of the priority in force, then on the
 * cadence; each update says impact, what we know, what we are doing, when the next update
 * comes and the workaround if there is one; no speculation, no blame.
 */
export function scoreCommunication(scenario: LoadedScenario, log: readonly LogEntry[]): EvidenceLine[] {
  const { spec } = scenario;
  const ex = spec.expectations;
  const lines: EvidenceLine[] = [];
  const updates = actionsOf(log, 'update.post');
  const end = incidentEnd(scenario, log);
  const resolvedAt = actionsOf(log, 'incident.resolve')[0]?.t;
  const trainee = traineeLevels(log);
  const expected = expectedLevels(scenario, log);
  const cadenceOf = (level: Level) => ms(ex.cadence?.[level] ?? COMMUNICATION.defaultCadence[level]);
  // The priority in force: the trainee's own once set (an under-rating is scored under severity), else the expected one.
  const levelIn = (t: number): Level => levelAt(trainee, t) ?? levelAt(expected, t) ?? 'P3';

  // 1. Cadence: walk the due times from the moment a priority applied.
  const anchor = trainee[0]?.t ?? 0;
  let due = anchor + cadenceOf(levelIn(anchor));
  let last = -1;
  let onTime = 0;
  let missed = 0;
  const missedAt: number[] = [];
  const during = updates.filter((u) => u.t < end);
  let guard = 0;
  while (due <= end && guard++ < 1000) {
    const posted = during.find((u) => u.t > last && u.t <= due);
    if (posted) {
      onTime += 1;
      const after = during.filter((u) => u.t <= due).at(-1) ?? posted;
      last = after.t;
      due = after.t + cadenceOf(levelIn(after.t));
    } else {
      missed += 1;
      missedAt.push(due);
      const lateOne = during.find((u) => u.t > due);
      if (lateOne && lateOne.t <= due + cadenceOf(levelIn(due))) {
        last = lateOne.t;
        due = lateOne.t + cadenceOf(levelIn(lateOne.t));
      } else {
        due += cadenceOf(levelIn(due));
      }
    }
  }
  const slots = onTime + missed;
  const firstUpdate = updates[0];
  if (slots === 0) {
    lines.push({ t: firstUpdate?.t ?? null, points: firstUpdate ? COMMUNICATION.cadence : 0, text: firstUpdate ? `The incident closed before the first update was due, and an update went out at ${when(scenario, firstUpdate.t)}.` : 'No status update was posted.' });
  } else {
    const firstDue = anchor + cadenceOf(levelIn(anchor));
    const firstText = firstUpdate && firstUpdate.t <= firstDue ? `first update at ${when(scenario, firstUpdate.t)}, within the ${levelIn(anchor)} window (due ${when(scenario, firstDue)})` : `first update due by ${when(scenario, firstDue)} (${levelIn(anchor)} cadence ${spokenDuration(cadenceOf(levelIn(anchor)))}) ${firstUpdate ? `came at ${when(scenario, firstUpdate.t)}` : 'never came'}`;
    const missText = missed > 0 ? `; missed ${missed} update slot${missed > 1 ? 's' : ''} (due ${missedAt.slice(0, 4).map((t) => when(scenario, t)).join(', ')}${missedAt.length > 4 ? ', …' : ''})` : '';
    lines.push({ t: firstUpdate?.t ?? null, points: COMMUNICATION.cadence * (onTime / slots), text: `Cadence: ${onTime} of ${slots} updates on time; ${firstText}${missText}.` });
  }

  // 2. Resolution notice.
  if (resolvedAt === undefined) {
    lines.push({ t: null, points: 0, text: 'No resolution notice: the incident was not resolved.' });
  } else {
    const notice = updates.find((u) => u.t >= resolvedAt - 60_000 && /\b(resolved|restored|recovered|back to normal|working again)\b/i.test(u.action.text));
    lines.push(
      notice
        ? { t: notice.t, points: COMMUNICATION.resolutionNotice, text: `Resolution notice posted at ${when(scenario, notice.t)}: people know they can stop waiting.` }
        : { t: resolvedAt, points: 0, text: `Resolved at ${when(scenario, resolvedAt)} but no update told people service is restored.` },
    );
  }

  // 3. Quality of each update.
  const workaround = ex.communication?.workaround;
  const serviceWords = spec.services.flatMap((s) => [s.id, s.name]);
  const people = (spec.people ?? []).map((p) => p.name);
  let qualitySum = 0;
  const gaps = new Map<string, number>();
  for (const { t, action } of updates) {
    const text = action.text;
    const tokens = stems(text);
    const checks: [string, boolean][] = [
      ['impact', (PEOPLE.test(text) || serviceWords.some((w) => hasTerm(tokens, w))) && IMPACT.test(text)],
      ['what we know', findPhrase(text, KNOWN) !== undefined],
      ['what we are doing', findPhrase(text, DOING) !== undefined],
      ['when the next update comes', findPhrase(text, NEXT) !== undefined || (resolvedAt !== undefined && t >= resolvedAt)],
    ];
    if (workaround && (resolvedAt === undefined || t < resolvedAt)) checks.push(['the workaround', /\bworkaround\b/i.test(text) || matchGroups(text, workaround).matched === workaround.length]);
    const passed = checks.filter(([, ok]) => ok).length;
    qualitySum += passed / checks.length;
    for (const [item, ok] of checks) if (!ok) gaps.set(item, (gaps.get(item) ?? 0) + 1);
  }
  if (updates.length > 0) {
    const average = qualitySum / updates.length;
    const gapText = [...gaps.entries()].map(([item, n]) => `${item} missing in ${n}`).join(', ');
    lines.push({ t: null, points: COMMUNICATION.quality * average, text: `Update content: ${Math.round(average * 100)}% of the checklist (impact, what we know, what we are doing, next update time${workaround ? ', workaround' : ''}) across ${updates.length} update${updates.length > 1 ? 's' : ''}${gapText ? `; ${gapText}` : ''}.` });
  } else {
    lines.push({ t: null, points: 0, text: 'No updates, so nobody outside the bridge knew what was happening.' });
  }

  // 4. Audiences the scenario expects to hear from the coordinator.
  for (const audience of ex.communication?.audiences ?? []) {
    if (updates.length > 0 && !updates.some((u) => u.action.audience === audience)) lines.push({ t: null, points: COMMUNICATION.missingAudience, text: `No update went to ${audience.replace('-', ' ')}, who needed one in this incident.` });
  }

  // 5. Speculation and blame, quoted back.
  let language = 0;
  for (const { t, action } of updates) {
    for (const phrase of findAll(action.text, SPECULATION)) {
      if (language <= COMMUNICATION.maxLanguagePenalty) break;
      language += COMMUNICATION.speculation;
      lines.push({ t, points: COMMUNICATION.speculation, text: `Speculation in the update at ${when(scenario, t)}: ${quote(phrase)}; say what is known and when you will know more.` });
    }
    const named = people.filter((name) => hasTerm(stems(action.text), name));
    for (const phrase of [...findAll(action.text, BLAME), ...named]) {
      if (language <= COMMUNICATION.maxLanguagePenalty) break;
      language += COMMUNICATION.blame;
      lines.push({ t, points: COMMUNICATION.blame, text: `Blame in the update at ${when(scenario, t)}: ${quote(phrase)}; updates describe the service, not who is at fault.` });
    }
  }
  return lines;
}
