import { describe, expect, it } from 'vitest';
import { flagship, time } from '../support/exercise-driver.ts';
import { evidenceText, scoreActions } from '../support/transcripts.ts';
import { judgeRca } from '../../src/scoring/rca-scorer.ts';
import type { TimedAction } from '../../src/engine/replay.ts';
import type { Rca } from '../../src/engine/actions.ts';

const scenario = flagship();
const at = (when: string, action: TimedAction['action']): TimedAction => ({ t: time(when), action });
const sum = (lines: readonly { points: number }[]) => lines.reduce((a, l) => a + Math.round(l.points), 0);

// A fixed backbone so only the thing under test varies.
const escalateAndFix: TimedAction[] = [
  at('2m', { type: 'evidence.request', source: 'signin-logs' }),
  at('7m', { type: 'escalation.send', to: 'iam', note: 'Since 08:40 users fail SAML sign-in to VPN and M365; passwords ruled out.', evidence: [] }),
  at('13m', { type: 'mitigation.apply', mitigation: 'rollback-chg-4411' }),
];
const withPriority = (...levels: [string, 'P1' | 'P2' | 'P3' | 'P4'][]) =>
  [...escalateAndFix, ...levels.map(([when, level]) => at(when, { type: 'priority.set', level }))].sort((a, b) => a.t - b.t);

describe('severity scorer', () => {
  // Nobody fixes anything here: degraded (P2 expected) spreads to outage at 12m (P1) and further at 27m.
  const levels = (...changes: [string, 'P1' | 'P2' | 'P3' | 'P4'][]) => changes.map(([when, level]) => at(when, { type: 'priority.set', level }));
  it.each([
    ['follows the expected curve', levels(['1m', 'P2'], ['14m', 'P1']), 90, 100],
    ['over-reacts with P1 from the start', levels(['1m', 'P1']), 70, 95],
    ['under-reacts with P3 throughout', levels(['1m', 'P3']), 15, 45],
    ['sets the priority very late', levels(['40m', 'P1']), 10, 50],
    ['never sets a priority', levels(), 0, 0],
  ])('scores a trainee who %s between %i and %i', (_what, actions, low, high) => {
    const card = scoreActions(scenario, actions);
    expect(card.dimensions.severity.score).toBeGreaterThanOrEqual(low);
    expect(card.dimensions.severity.score).toBeLessThanOrEqual(high);
  });

  it('costs more for under-reaction than for over-reaction of the same size', () => {
    // One level off for the first phase, right afterwards: too high vs too low.
    const over = scoreActions(scenario, levels(['1m', 'P1']));
    const under = scoreActions(scenario, levels(['1m', 'P3'], ['12m', 'P1']));
    expect(over.dimensions.severity.score).toBeGreaterThan(under.dimensions.severity.score);
    expect(evidenceText(under, 'severity')).toMatch(/too low or unset for/);
    expect(evidenceText(over, 'severity')).toMatch(/higher than needed for/);
  });
});

describe('communication scorer', () => {
  const good = 'Staff cannot sign in to the VPN and Outlook on the web since 08:40. We have identified an overnight certificate change and IAM engineers are rolling it back. Workaround: stay signed in to the Outlook and Teams desktop apps. Next update at 09:15.';
  it('counts missed update slots for the priority in force', () => {
    const regular = ['5m', '18m', '31m', '44m', '57m', '70m'].map((when) => at(when, { type: 'update.post', audience: 'stakeholders', text: good }));
    const once = [at('5m', { type: 'update.post', audience: 'stakeholders', text: good })];
    const base = withPriority(['1m', 'P1']);
    const r = scoreActions(scenario, [...base, ...regular].sort((a, b) => a.t - b.t));
    const o = scoreActions(scenario, [...base, ...once].sort((a, b) => a.t - b.t));
    expect(r.dimensions.communication.score).toBeGreaterThan(o.dimensions.communication.score + 25);
    expect(evidenceText(o, 'communication')).toMatch(/missed \d+ update slots/);
  });

  it('quotes speculation and blame back', () => {
    const text = 'Probably hackers. This is human error by Priya Raman, next update at 09:30.';
    const card = scoreActions(scenario, [...withPriority(['1m', 'P2']), at('5m', { type: 'update.post', audience: 'executives', text })].sort((a, b) => a.t - b.t));
    const lines = evidenceText(card, 'communication');
    expect(lines).toMatch(/Speculation .*“Probably”/);
    expect(lines).toMatch(/Blame .*“human error”/);
    expect(lines).toMatch(/Blame .*“Priya Raman”/);
  });
});

describe('RCA scorer', () => {
  const precise: Rca = {
    proximateCause: 'The VPN, Microsoft 365 and the HR portal rejected SAML assertions signed with the new token-signing certificate.',
    rootCause: 'CHG-4411 promoted the new signing certificate to primary before the relying parties trusted it, because the renewal runbook combined import and activation and three relying parties pin the certificate instead of refreshing metadata.',
    contributingFactors: ['The runbook activates the new certificate in the same step as the import.', 'The synthetic sign-in monitor stayed muted until 08:30.'],
    actions: [
      { kind: 'corrective', text: 'Load the new certificate as secondary on the VPN, M365 federation trust and PeopleHub before CHG-4412 promotes it.', owner: 'IAM team lead', due: '2026-03-10', measure: 'Test sign-in succeeds on each relying party with the new certificate.' },
      { kind: 'preventive', text: 'Split the certificate runbook into separate stage and promote changes with a test sign-in per relying party.', owner: 'IAM service owner', due: '2026-03-31', measure: 'Runbook v3 published and used for the next rollover.' },
    ],
  };
  const stuffed: Rca = {
    proximateCause: 'Issues with SSO, certificate, signing, VPN, metadata, relying party, trust, rejected, validation, rollover, rotation, primary, promotion and other things across many systems that were involved in the incident in various ways during the day which caused many problems for users and teams and the service desk and management',
    rootCause: 'certificate signing primary promotion rollover rotation relying trust metadata pinned static runbook monitoring muted change CAB standard change test sign-in validation renewal thumbprint SAML VPN M365 HR portal wiki IdP farm retry storm surge load',
    contributingFactors: ['various'],
    actions: [
      { kind: 'corrective', text: 'Monitor the certificates more closely', owner: '', due: '', measure: '' },
      { kind: 'preventive', text: 'Be more careful with changes', owner: '', due: '', measure: '' },
    ],
  };
  const blaming: Rca = { ...precise, rootCause: 'Human error: Priya Raman should have checked the relying parties before the change.' };

  it('ranks a short precise RCA above a long one stuffed with the right words', () => {
    const good = sum(judgeRca(scenario, precise));
    const bad = sum(judgeRca(scenario, stuffed));
    expect(good).toBeGreaterThan(70);
    expect(bad).toBeLessThan(good - 30);
  });

  it('quotes vague actions back with the reason', () => {
    const text = judgeRca(scenario, stuffed).map((l) => l.text).join('\n');
    expect(text).toMatch(/Action “Monitor the certificates more closely” is vague/);
    expect(text).toMatch(/Action “Be more careful with changes” is vague/);
    expect(text).toMatch(/does not say what caused what/);
  });

  it('costs points for blame and names it', () => {
    const lines = judgeRca(scenario, blaming);
    expect(sum(lines)).toBeLessThan(sum(judgeRca(scenario, precise)) - 20);
    const text = lines.map((l) => l.text).join('\n');
    expect(text).toMatch(/Blame: “Human error”/);
    expect(text).toMatch(/Blame: “Priya Raman”/);
  });
});

describe('RCA rules, each with a text that should and one that should not trigger it', () => {
  const base: Rca = {
    proximateCause: 'The VPN, M365 and the HR portal rejected SAML assertions signed with the new token-signing certificate.',
    rootCause: 'CHG-4411 promoted the new signing certificate to primary before the relying parties trusted it, because the runbook combined import and activation.',
    contributingFactors: [],
    actions: [],
  };
  const text = (rca: Rca) => judgeRca(scenario, rca).map((l) => l.text).join('\n');
  const points = (rca: Rca) => sum(judgeRca(scenario, rca));
  const action = (patch: Partial<Rca['actions'][number]>): Rca => ({
    ...base,
    actions: [{ kind: 'preventive', text: 'Split the certificate runbook into separate stage and promote changes with a test sign-in per relying party.', owner: 'IAM team lead', due: '2026-03-31', measure: 'Runbook v3 used for the next rollover.', ...patch }],
  });

  it.each([
    ['causal wording', { ...base, rootCause: 'Certificate, signing, primary, relying parties, metadata, trust.' }, base, /does not say what caused what/],
    ['blame in the root cause', { ...base, rootCause: 'Human error: Priya Raman promoted the signing certificate before the relying parties trusted it.' }, base, /Blame: “Human error”/],
    ['negated blame is not blame', base, { ...base, rootCause: `${base.rootCause} This was a gap in the process, not human error.` }, null],
    ['a vague action', action({ text: 'Engineers must double-check certificate changes more closely' }), action({}), /is vague/],
    ['a missing due date', action({ due: 'ASAP' }), action({ due: '31 Mar' }), /is not dated/],
    ['a missing owner and measure', action({ owner: '', measure: '' }), action({}), /is not owned, measurable/],
  ] as const)('%s', (_rule, triggers, clean, message) => {
    if (message) {
      expect(text(triggers)).toMatch(message);
      expect(text(clean)).not.toMatch(message);
      expect(points(triggers)).toBeLessThan(points(clean));
    } else {
      expect(text(clean)).not.toMatch(/Blame/);
      expect(points(clean)).toBeGreaterThanOrEqual(points(triggers));
    }
  });

  it('counts concepts found only in an enumeration at a quarter', () => {
    const prose = { ...base, contributingFactors: ['The runbook activates the new certificate in the same step as the import.'] };
    const listed = { ...base, contributingFactors: ['Runbook, procedure, activation, same step, template.'] };
    expect(points(prose)).toBeGreaterThan(points(listed));
  });

  it('halves the quality of actions that address nothing in the answer key', () => {
    const relevant = action({});
    const unrelated = action({ text: 'Add two more IdP nodes to the farm to increase capacity for Monday peaks.' });
    expect(points(relevant)).toBeGreaterThan(points(unrelated));
  });
});
