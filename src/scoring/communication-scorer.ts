import type { LoadedScenario } from '../scenario/loader.ts';
import { spokenDuration } from '../scenario/duration.ts';
import { actionsOf, type LogEntry } from '../engine/attempt-log.ts';
import { COMMUNICATION } from './rubric.ts';
import type { EvidenceLine } from './scorecard.ts';
import { expectedLevels, incidentEnd, levelAt, levelRank, when } from './incident-timeline.ts';
import { updateSchedule } from './update-cadence.ts';
import { findAll, findPhrase, hasTerm, matchGroups, quote, stems } from './text-match.ts';
import { findBlame } from './blame.ts';

const PEOPLE = /\b(users?|staff|employees|colleagues|customers|people|offices?|sites?|everyone|nobody|no one|teams?|remote workers|callers)\b/i;
const IMPACT = /\b(affect\w*|problem\w*|no internet|not (?:connect|load|sync|work)\w*|fail\w*|down|unavailable|cannot|can't|can not|couldn't|could not|unable|not able|no access|locked out|broke|broken|errors?|outage|degraded|disrupt\w*|affected|impact\w*|not working|slow|intermittent\w*)\b/i;
const KNOWN = [/\b(we know|it is not|it's not|is not the|ruled out|not (?:a|the) (?:cause|problem)|we know (?:that|the|it)|we now know|identified|confirmed|found|traced|isolated|cause[sd]?|because|due to|linked|related to|narrowed|diagnos\w+|restored|recover\w*|resolved|stable|fixed)\b/i];
const DOING = [/\b(we are|we're|we have|engineers?|teams? (?:is|are|has|have)|working|investigat\w+|roll\w* (?:it |this |the change )?back|revert\w*|revers\w+|restart\w*|escalated|engaged|applying|restoring|fix\w*|bridge|monitoring the recovery|implement\w*|(?:is|are) being)\b/i];
/** Telling people what to do: with the scenario's workaround concepts, this is a workaround. */
const INSTRUCTION = /\b(please|you can|you may|use|stay|keep|remain|do not|don't|avoid|instead|until then|in the meantime|meanwhile)\b/i;
/** A code-like token: letters and digits mixed, six or more (AADSTS50008, idp03a). */
const JARGON = /\b(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]{6,}\b/g;
/** After resolution: what happened, and what people should do now. */
const CAUSE = /\b(cause[sd]?|because|due to|linked|traced|identified|change|certificate|fault in|triggered)\b/i;
const NEXT_STEPS = /\b(no action|nothing (?:you need )?to do|retry|try again|sign in again|log in again|restart|contact|call|raise a ticket|report|review)\b/i;
const NEXT = [/\bnext update\b/i, /\b(further|another) update\b/i, /\bupdate (?:you |again )?(?:at|by|in|before)\b/i];
const SPECULATION = [/\bprobably\b/i, /\bmaybe\b/i, /\bmight be\b/i, /\bcould be\b/i, /\bwe (?:think|believe|suspect|guess)\b/i, /\bpossibly\b/i, /\bhack(?:ed|ers?)\b/i, /\bI (?:think|guess)\b/i];

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
  const expected = expectedLevels(scenario, log);
  // 1. Cadence: the schedule is shared with the console's countdown (update-cadence.ts).
  const { firstDue, missedAt, met, levelIn, cadenceAt } = updateSchedule(scenario, log, end);
  const anchor = 0;
  const missed = missedAt.length;
  const slots = met + missed;
  const firstUpdate = updates[0];
  if (slots === 0) {
    lines.push({ t: firstUpdate?.t ?? null, points: firstUpdate ? COMMUNICATION.cadence : 0, text: firstUpdate ? `The incident closed before the first update was due, and an update went out at ${when(scenario, firstUpdate.t)}.` : 'No status update was posted.' });
  } else {
    const firstText = firstUpdate && firstUpdate.t <= firstDue ? `first update at ${when(scenario, firstUpdate.t)}, within the ${levelIn(anchor)} window (due ${when(scenario, firstDue)})` : `first update due by ${when(scenario, firstDue)} (${levelIn(anchor)} cadence ${spokenDuration(cadenceAt(anchor))}) ${firstUpdate ? `came at ${when(scenario, firstUpdate.t)}` : 'never came'}`;
    const missText = missed > 0 ? `; missed ${missed} update slot${missed > 1 ? 's' : ''} (due ${missedAt.slice(0, 4).map((t) => when(scenario, t)).join(', ')}${missedAt.length > 4 ? ', …' : ''})` : '';
    lines.push({ t: firstUpdate?.t ?? null, points: COMMUNICATION.cadence * (met / slots), text: `Cadence: ${met} update slot${met === 1 ? '' : 's'} met of ${slots}; ${firstText}${missText}.` });
  }

  // 2. Resolution notice.
  if (resolvedAt === undefined) {
    lines.push({ t: null, points: 0, text: 'No resolution notice: the incident was not resolved.' });
  } else {
    const notice = updates.find((u) => u.t >= resolvedAt - 60_000 && /\b(resolved|restored|recovered|fixed|back to normal|back up|working (?:again|normally))\b/i.test(u.action.text));
    lines.push(
      notice
        ? { t: notice.t, points: COMMUNICATION.resolutionNotice, text: `Resolution notice posted at ${when(scenario, notice.t)}: people know they can stop waiting.` }
        : { t: resolvedAt, points: 0, text: `Resolved at ${when(scenario, resolvedAt)} but no update told people service is restored.` },
    );
  }

  // 3. Quality of each update.
  const workaround = ex.communication?.workaround;
  const serviceWords = spec.services.flatMap((s) => [s.id, s.name]);
  let qualitySum = 0;
  const gaps = new Map<string, number>();
  for (const { t, action } of updates) {
    const text = action.text;
    const tokens = stems(text);
    const after = resolvedAt !== undefined && t >= resolvedAt;
    const who = PEOPLE.test(text) || serviceWords.some((w) => hasTerm(tokens, w));
    const impact = after ? who || /\b(log-?ins?|sign-?ins?|services?|systems?|access|applications?|apps?)\b/i.test(text) : who && IMPACT.test(text);
    const checks: [string, boolean][] =
      after
        ? [
            ['what was affected', impact],
            ['what caused it', CAUSE.test(text)],
            ['what people should do now', NEXT_STEPS.test(text) || INSTRUCTION.test(text)],
          ]
        : [
            ['impact', impact],
            ['what we know', findPhrase(text, KNOWN) !== undefined || matchGroups(text, spec.expectations.rca.proximateCause).matched * 2 >= spec.expectations.rca.proximateCause.length],
            ['what we are doing', findPhrase(text, DOING) !== undefined],
            ['when the next update comes', findPhrase(text, NEXT) !== undefined],
          ];
    // The workaround matters while the impact is significant (P1/P2 expected), not once recovering.
    const impactPersists = !after && levelRank(levelAt(expected, t) ?? 'P4') <= 2;
    if (workaround && impactPersists) checks.push(['the workaround', /\bwork-?around\b/i.test(text) || (INSTRUCTION.test(text) && matchGroups(text, workaround).matched === workaround.length)]);
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
    // Error codes and hostnames mean nothing to stakeholders or executives: plain language.
    const jargon = action.audience !== 'service-desk' ? (action.text.match(JARGON) ?? []) : [];
    if (jargon.length > 0 && language > COMMUNICATION.maxLanguagePenalty) {
      language += COMMUNICATION.jargon;
      lines.push({ t, points: COMMUNICATION.jargon, text: `Jargon in the update to ${action.audience} at ${when(scenario, t)}: ${quote(jargon[0] ?? '')}; say what it means for people.` });
    }
    // "No sign of hackers" rules speculation out rather than making it.
    const negated = (phrase: string) => {
      const at = action.text.toLowerCase().indexOf(phrase.toLowerCase());
      return /\b(?:no|not|never|nor|without)\s+(?:\w+\s+){0,3}$/i.test(action.text.slice(Math.max(0, at - 30), at));
    };
    for (const phrase of findAll(action.text, SPECULATION).filter((p) => !negated(p))) {
      if (language <= COMMUNICATION.maxLanguagePenalty) break;
      language += COMMUNICATION.speculation;
      lines.push({ t, points: COMMUNICATION.speculation, text: `Speculation in the update at ${when(scenario, t)}: ${quote(phrase)}; say what is known and when you will know more.` });
    }
    for (const phrase of findBlame(action.text, spec.people ?? [])) {
      if (language <= COMMUNICATION.maxLanguagePenalty) break;
      language += COMMUNICATION.blame;
      lines.push({ t, points: COMMUNICATION.blame, text: `Blame in the update at ${when(scenario, t)}: ${quote(phrase)}; updates describe the service, not who is at fault.` });
    }
  }
  return lines;
}
