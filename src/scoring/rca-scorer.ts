import type { LoadedScenario } from '../scenario/loader.ts';
import type { Rca } from '../engine/actions.ts';
import { actionsOf, type LogEntry } from '../engine/attempt-log.ts';
import { RCA } from './rubric.ts';
import type { EvidenceLine } from './scorecard.ts';
import { fraction, matchGroups, quote, wordCount } from './text-match.ts';
import { findBlame } from './blame.ts';

const CAUSAL = /\b(because|caused|causes|causing|before|instead of|rather than|until|so|therefore|thus|too (?:small|few|short|long|large|narrow|low|little)|only|still|due to|led to|leads? to|leading to|result(?:ed|s|ing)? in|as a result|so that|which meant|meaning|without|never|no one|nobody|not|missing|lack(?:ed|ing)?|allowed|let)\b/i;
const VAGUE = /^(?:[\w\s'-]{0,40}?\b(?:will|to|should|must|need to|needs to|let's)\b)?\s*(?:continue to |better |more closely |closely )?(?:monitor|improve|review|enhance|strengthen|reinforce|consider|assess|evaluate|remind|look into|investigate|be more careful|be careful|pay (?:more )?attention|train|remind|raise awareness|ensure|make sure|check|keep an eye|double[- ]check|communicate better|do better|try to)\b/i;
/** Verbs that name a concrete change to a system or process; a vague opener followed by one of these is fine. */
const CONCRETE = /\b(add|adds|automate\w*|alert(?:s|ing)? on|block\w*|build|configure\w*|creat\w+|deploy\w*|disabl\w+|enabl\w+|enforc\w+|extend\w*|implement\w*|introduc\w+|load\w*|migrat\w+|publish\w*|reclassif\w+|remov\w+|replac\w+|requir\w+|schedul\w+|separat\w+|split\w*|switch\w*|turn on|set up|upgrad\w+|rewrit\w+|install\w*|stag\w+|renew\w*|revert\w*|roll(?:ed)? back)\b/i;
const DATE = /\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}\b)/i;

/**
 * RCA quality: proximate cause, root cause and contributing factors told apart and right for
 * this scenario; actions specific, owned, dated and measurable; blameless language.
 */
export function scoreRca(scenario: LoadedScenario, log: readonly LogEntry[]): EvidenceLine[] {
  const submitted = actionsOf(log, 'rca.submit')[0];
  if (!submitted) return [{ t: null, points: 0, text: 'No RCA was submitted.' }];
  return judgeRca(scenario, submitted.action.rca, submitted.t);
}

export function judgeRca(scenario: LoadedScenario, rca: Rca, t: number | null = null): EvidenceLine[] {
  const { spec } = scenario;
  const key = spec.expectations.rca;
  const lines: EvidenceLine[] = [];
  const contributingPoints = key.contributing?.length ? RCA.contributing : 0;
  const rootPoints = RCA.root + (RCA.contributing - contributingPoints);

  // Proximate cause: what directly broke.
  const proximate = statedMatch(rca.proximateCause, key.proximateCause);
  const proximateInRoot = matchGroups(rca.rootCause, key.proximateCause);
  if (rca.proximateCause.trim() === '') {
    lines.push({ t, points: proximateInRoot.matched === proximateInRoot.total ? RCA.proximate * 0.5 : 0, text: 'No proximate cause stated (what directly failed).' });
  } else {
    const inRoot = statedMatch(rca.rootCause, key.proximateCause);
    const misplaced = inRoot.matched === inRoot.total ? 0.5 * inRoot.share : 0;
    lines.push({ t, points: RCA.proximate * Math.max(proximate.share * precision(rca.proximateCause), misplaced), text: describeMatch('Proximate cause', rca.proximateCause, proximate) });
  }

  // Root cause: the deepest cause the organisation controls, stated as a cause.
  const root = statedMatch(rca.rootCause, key.rootCause);
  let rootShare = root.share * precision(rca.rootCause);
  // R5: a root cause that blames a person is not the deepest cause the organisation controls.
  if (findBlame(rca.rootCause, spec.people ?? []).length > 0) rootShare *= 0.5;
  let rootText = describeMatch('Root cause', rca.rootCause, root);
  if (rca.rootCause.trim() !== '' && !CAUSAL.test(rca.rootCause)) {
    rootShare *= RCA.noCausalShare;
    rootText += ' It names things but does not say what caused what (no "because", "led to", "without"…).';
  }
  if (rca.rootCause.trim() !== '' && fraction(root) < 0.5 && proximateInRoot.matched === proximateInRoot.total) {
    rootText += ' This describes the symptom (the proximate cause), not why it was possible.';
  }
  if (wordCount(rca.rootCause) > RCA.preciseWords) rootText += ` At ${wordCount(rca.rootCause)} words it is not a precise statement; matched concepts count less.`;
  lines.push({ t, points: rootPoints * rootShare, text: rootText });

  // Contributing factors.
  if (key.contributing?.length) {
    const factors = rca.contributingFactors.filter((f) => f.trim() !== '');
    const credit = (c: { concepts: Parameters<typeof matchGroups>[1] }) => Math.max(0, ...factors.map((f) => { const m = statedMatch(f, c.concepts); return m.share === 1 ? 1 : m.matched === m.total ? 0.25 : 0; }));
    const found = key.contributing.filter((c) => credit(c) > 0);
    const foundShare = key.contributing.reduce((sum, c) => sum + credit(c), 0);
    const missing = key.contributing.filter((c) => !found.includes(c));
    lines.push({
      t,
      points: contributingPoints * (foundShare / key.contributing.length),
      text: `Contributing factors: identified ${found.length} of ${key.contributing.length}${found.length ? ` (${found.map((c) => c.label).join('; ')})` : ''}${missing.length ? `; not covered: ${missing.map((c) => c.label).join('; ')}` : ''}.`,
    });
  }

  // Actions: both kinds, the expected ground covered, each one specific, owned, dated, measurable.
  const actions = rca.actions.filter((a) => a.text.trim() !== '');
  const kinds = ['corrective', 'preventive'] as const;
  const haveKinds = kinds.filter((k) => actions.some((a) => a.kind === k));
  lines.push({ t, points: RCA.actionKinds * (haveKinds.length / 2), text: haveKinds.length === 2 ? 'Both corrective and preventive actions are present.' : `No ${kinds.filter((k) => !haveKinds.includes(k)).join(' or ')} action: an RCA needs both (fix this one, stop the next one).` });
  const expectedActions = key.actions ?? [];
  if (expectedActions.length > 0) {
    // An expected action is covered by an action of the same kind: telling fixing-this-one from
    // preventing-the-next is part of the skill. The wrong kind earns half.
    let coveredShare = 0;
    const missing: string[] = [];
    const wrongKind: string[] = [];
    for (const e of expectedActions) {
      const matching = actions.filter((a) => matchGroups(a.text, e.concepts).matched === e.concepts.length);
      if (matching.some((a) => a.kind === e.kind)) coveredShare += 1;
      else if (matching.length > 0) {
        coveredShare += 0.5;
        wrongKind.push(`${e.label} (listed as ${matching[0]?.kind}, it is ${e.kind})`);
      } else missing.push(e.label);
    }
    const coveredCount = expectedActions.length - missing.length;
    lines.push({
      t,
      points: RCA.actionCoverage * (coveredShare / expectedActions.length),
      text: `Actions cover ${coveredCount} of ${expectedActions.length} expected${missing.length ? `; missing: ${missing.join('; ')}` : ''}${wrongKind.length ? `; wrong kind: ${wrongKind.join('; ')}` : ''}.`,
    });
  }
  const qualityPoints = RCA.actionQuality + (expectedActions.length > 0 ? 0 : RCA.actionCoverage);
  if (actions.length === 0) {
    lines.push({ t, points: 0, text: 'No actions: an RCA without actions changes nothing.' });
  } else {
    let sum = 0;
    const concepts = [key.rootCause, key.proximateCause, ...(key.contributing ?? []).map((c) => c.concepts), ...expectedActions.map((e) => e.concepts)];
    for (const action of actions) {
      const relevant = concepts.some((g) => matchGroups(action.text, g).matched === g.length);
      const vague = (VAGUE.test(action.text) || /\bbe (?:more )?careful\b/i.test(action.text)) && !CONCRETE.test(action.text);
      const specific = !vague && wordCount(action.text) >= 5;
      const owned = action.owner.trim() !== '';
      const dated = DATE.test(action.due.trim());
      const measured = wordCount(action.measure) >= 3;
      const score = ((specific ? 0.4 : 0) + (owned ? 0.2 : 0) + (dated ? 0.2 : 0) + (measured ? 0.2 : 0)) * (relevant ? 1 : 0.5);
      sum += score;
      const lacks = [!specific && 'specific', !owned && 'owned', !dated && 'dated (YYYY-MM-DD)', !measured && 'measurable'].filter((x): x is string => typeof x === 'string');
      if (vague) lines.push({ t, points: 0, text: `Action ${quote(action.text)} is vague: say which system or process changes and how, e.g. "Add an automated check to the change template that blocks…".` });
      else if (lacks.length > 0) lines.push({ t, points: 0, text: `Action ${quote(action.text)} is not ${lacks.join(', ')}.` });
    }
    lines.push({ t, points: qualityPoints * (sum / actions.length), text: `Action quality: ${Math.round((sum / actions.length) * 100)}% across ${actions.length} action${actions.length > 1 ? 's' : ''} (specific 40%, owner 20%, due date 20%, measure of success 20%).` });
  }

  // Blameless language.
  const all = [rca.proximateCause, rca.rootCause, ...rca.contributingFactors, ...actions.map((a) => a.text)].join('\n');
  const blamed = findBlame(all, spec.people ?? []);
  let penalty = 0;
  for (const phrase of blamed) {
    if (penalty <= RCA.maxBlamePenalty) break;
    penalty += RCA.blame;
    lines.push({ t, points: RCA.blame, text: `Blame: ${quote(phrase)}. A blameless RCA asks what in the system let the mistake through (review, automation, checks), not who made it.` });
  }
  return lines;
}

/** Segments of a statement; a run of 3+ consecutive segments of at most 3 words is an enumeration. */
function withoutLists(text: string): { prose: string; listed: boolean } {
  const parts = text.split(/(,|;|:|\band\b|\bor\b|\(|\)|\.\s|\n)/i);
  const segs = parts.filter((_, i) => i % 2 === 0);
  const short = segs.map((g) => wordCount(g) > 0 && wordCount(g) <= 3);
  const inList = segs.map(() => false);
  for (let i = 0; i < segs.length; ) {
    let j = i; while (j < segs.length && short[j]) j++;
    if (j - i >= 3) for (let k = i; k < j; k++) inList[k] = true;
    i = j === i ? i + 1 : j;
  }
  return { prose: segs.filter((_, i) => !inList[i]).join(' . '), listed: inList.some(Boolean) };
}
/** Concept groups matched in prose count fully; groups matched only inside an enumeration count a quarter. */
function statedMatch(text: string, groups: Parameters<typeof matchGroups>[1]): ReturnType<typeof matchGroups> & { share: number } {
  const all = matchGroups(text, groups);
  const prose = matchGroups(withoutLists(text).prose, groups);
  const share = all.total === 0 ? 0 : (prose.matched + 0.25 * (all.matched - prose.matched)) / all.total;
  return { ...all, share };
}

/** Precise statements earn full credit for what they match; long ones that mention everything do not. */
function precision(text: string): number {
  const words = wordCount(text);
  return words <= RCA.preciseWords ? 1 : Math.max(0.4, RCA.preciseWords / words);
}

function describeMatch(label: string, text: string, match: ReturnType<typeof matchGroups>): string {
  if (text.trim() === '') return `${label}: not stated.`;
  const found = match.terms.filter((t): t is string => t !== undefined);
  if (match.matched === match.total) return `${label} ${quote(text)} matches the answer key (${found.join(', ')}).`;
  return `${label} ${quote(text)} matches ${match.matched} of ${match.total} key concepts${found.length ? ` (${found.join(', ')})` : ''}.`;
}
