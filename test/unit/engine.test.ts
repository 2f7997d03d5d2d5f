import { describe, expect, it } from 'vitest';
import { drive, flagship, time } from '../support/exercise-driver.ts';
import { playActions, restoreFromLog, traineeActions } from '../../src/engine/replay.ts';
import { Exercise } from '../../src/engine/exercise.ts';
import type { TimedAction } from '../../src/engine/replay.ts';

const scenario = flagship();

const expertish: TimedAction[] = [
  { t: time('1m'), action: { type: 'priority.set', level: 'P2' } },
  { t: time('2m'), action: { type: 'evidence.request', source: 'signin-logs' } },
  { t: time('7m'), action: { type: 'escalation.send', to: 'iam', note: 'SAML failures since 08:40', evidence: ['signin-logs'] } },
  { t: time('14m'), action: { type: 'mitigation.apply', mitigation: 'rollback-chg-4411' } },
];

describe('the exercise engine', () => {
  it('starts in the first phase and fires its injects at their simulated times', () => {
    const d = drive(scenario);
    expect(d.phase).toBe('degraded');
    expect(d.log.map((e) => e.type)).toEqual(['exercise.start', 'phase.enter', 'alert.fire']);
    d.at('3m');
    const fired = d.log.filter((e) => e.type === 'alert.fire' || e.type === 'report.arrive');
    expect(fired.map((e) => e.t)).toEqual(fired.map((e) => e.t).sort((a, b) => a - b));
    expect(fired.every((e) => e.t <= time('3m'))).toBe(true);
    expect(fired.length).toBeGreaterThanOrEqual(2);
  });

  it('lets an untreated outage spread on the delayed transitions, and cancels the left phase’s injects', () => {
    const d = drive(scenario).at('12m');
    expect(d.phase).toBe('outage');
    d.at('27m');
    expect(d.phase).toBe('wider-outage');
    const phases = d.entries('phase.enter').map((e) => (e.type === 'phase.enter' ? [e.t, e.payload.phase] : []));
    expect(phases).toEqual([
      [0, 'degraded'],
      [time('12m'), 'outage'],
      [time('27m'), 'wider-outage'],
    ]);
  });

  it('moves to investigating when IAM is engaged, so a timely escalation stops the spread', () => {
    const d = drive(scenario).at('7m');
    d.escalate('iam');
    expect(d.phase).toBe('investigating');
    d.at('11m');
    expect(d.entries('phase.enter')).toHaveLength(2);
    // The degraded phase's 10m report never arrives: that phase was left at 7m.
    expect(d.log.some((e) => e.type === 'report.arrive' && e.payload.report.id === 'r-m365-browser')).toBe(false);
  });

  it('delivers evidence after its delay and refuses to attach evidence that has not arrived', () => {
    const d = drive(scenario).at('2m');
    d.request('signin-logs');
    const refused = d.escalate('iam', ['signin-logs']);
    expect(refused.type).toBe('action.refused');
    expect(refused.type === 'action.refused' && refused.payload.reason).toMatch(/only evidence that has arrived/);
    const arrivals = () => d.entries('evidence.arrive');
    d.at('3m');
    const delay = time(scenario.spec.evidence['signin-logs']?.delay ?? '0s');
    d.at('10m');
    expect(arrivals().map((e) => e.t)).toEqual([time('2m') + delay]);
  });

  it('refuses actions the situation does not allow, with the reason, and goes on', () => {
    const d = drive(scenario).at('3m');
    const early = d.mitigate('rollback-chg-4411');
    expect(early.type === 'action.refused' && early.payload.reason).toMatch(/needs an escalation to iam first/);
    const unknown = d.escalate('no-such-team');
    expect(unknown.type === 'action.refused' && unknown.payload.reason).toMatch(/Unknown team or vendor "no-such-team"/);
    const resolve = d.resolve();
    expect(resolve.type === 'action.refused' && resolve.payload.reason).toMatch(/not restored yet/);
    const rca = d.act({ type: 'rca.submit', rca: { proximateCause: 'x', rootCause: 'y', contributingFactors: [], actions: [] } });
    expect(rca.type === 'action.refused' && rca.payload.reason).toMatch(/after the incident is resolved/);
    const ack = d.act({ type: 'alert.acknowledge', alert: 'a-vpn-auth-critical' });
    expect(ack.type === 'action.refused' && ack.payload.reason).toMatch(/no alert "a-vpn-auth-critical" on the board yet/);
    expect(d.phase).toBe('degraded');
  });

  it('restores service through the right mitigation, then resolves, then takes only updates and the RCA', () => {
    const d = drive(scenario).at('7m');
    d.escalate('iam');
    d.at('9m');
    expect(d.mitigate('rollback-chg-4411').type).toBe('mitigation.apply');
    d.at('12m');
    expect(d.phase).toBe('recovering');
    expect(d.entries('mitigation.result').at(-1)).toMatchObject({ t: time('12m'), payload: { mitigation: 'rollback-chg-4411', changed: true } });
    d.at('20m');
    expect(d.phase).toBe('restored');
    expect(d.exercise.view().restored).toBe(true);
    expect(d.resolve().type).toBe('incident.resolve');
    const after = d.act({ type: 'bridge.open' });
    expect(after.type === 'action.refused' && after.payload.reason).toMatch(/resolved at 09:00; only status updates and the RCA/);
    expect(d.act({ type: 'update.post', audience: 'stakeholders', text: 'Resolved.' }).type).toBe('update.post');
    expect(d.act({ type: 'rca.submit', rca: { proximateCause: 'a', rootCause: 'b', contributingFactors: [], actions: [] } }).type).toBe('rca.submit');
  });

  it('makes things worse when a harmful mitigation is applied', () => {
    const d = drive(scenario).at('4m');
    d.mitigate('force-global-signout');
    d.at('7m');
    expect(d.phase).toBe('wider-outage');
    const useless = drive(scenario).at('4m');
    useless.mitigate('restart-vpn-gateways');
    expect(useless.phase).toBe('degraded');
    expect(useless.entries('mitigation.result').at(-1)).toMatchObject({ payload: { changed: false } });
  });

  it('ends the exercise when its time runs out', () => {
    const d = drive(scenario).at('2h');
    expect(d.entries('exercise.end')).toHaveLength(1);
    expect(d.entries('exercise.end')[0]?.t).toBe(scenario.duration);
    const late = d.act({ type: 'priority.set', level: 'P1' });
    expect(late.type === 'action.refused' && late.payload.reason).toMatch(/exercise ended/);
  });
});

describe('determinism and replay', () => {
  it('produces the same log whether the clock jumps or steps one second at a time', () => {
    const jumped = playActions(scenario, expertish);
    const stepped = new Exercise(scenario);
    let next = 0;
    for (let t = 0; t <= scenario.duration; t += 1000) {
      stepped.advanceTo(t);
      while (expertish[next] && (expertish[next]?.t ?? Infinity) <= t) {
        const item = expertish[next];
        if (item) stepped.act(item.action, item.t);
        next += 1;
      }
    }
    stepped.advanceTo(scenario.duration);
    expect(stepped.log).toEqual(jumped.log);
  });

  it('applies seeded jitter: the same seed gives the same log, other seeds move jittered injects', () => {
    const a = playActions(scenario, expertish, { seed: 7 });
    const b = playActions(scenario, expertish, { seed: 7 });
    expect(a.log).toEqual(b.log);
    const times = (seed: number) => playActions(scenario, [], { seed, until: time('11m') }).log.filter((e) => e.type === 'report.arrive').map((e) => e.t);
    const variants = new Set([1, 2, 3, 4, 5, 6].map((seed) => JSON.stringify(times(seed))));
    expect(variants.size).toBeGreaterThan(1);
  });

  it('rebuilds an attempt from its stored log, and notices a tampered one', () => {
    const original = playActions(scenario, expertish, { seed: 3, mode: 'interview' });
    const stored = JSON.parse(JSON.stringify(original.log));
    const { exercise, mismatch } = restoreFromLog(scenario, stored, original.now);
    expect(mismatch).toBeUndefined();
    expect(exercise.log).toEqual(original.log);
    expect(exercise.mode).toBe('interview');
    expect(traineeActions(stored)).toHaveLength(expertish.length);

    const tampered = stored.map((e: { type: string; t: number }) => (e.type === 'escalation.send' ? { ...e, t: e.t - 60_000 } : e));
    expect(restoreFromLog(scenario, tampered, original.now).mismatch).toMatch(/differs on replay/);
  });
});

describe('re-entering a phase', () => {
  it('does not fire the same alert or report twice', async () => {
    const { loadScenario } = await import('../../src/scenario/loader.ts');
    const text = `id: loop
title: Flapping link
summary: A link that goes down, comes back and goes down again.
difficulty: intro
duration: 30m
clockStart: "09:00"
services: [ { id: wan, name: WAN link } ]
teams: [ { id: net, name: Network } ]
phases:
  down:
    timeline: [ { at: 1m, alert: { id: a-down, service: wan, source: NMS, level: critical, text: Link down } } ]
    after: { 5m: up }
  up:
    after: { 5m: down }
    on: { "escalate:net": fixed }
  fixed:
    resolved: true
evidence: {}
mitigations: {}
expectations:
  severity: [ { from: 0m, level: P2 } ]
  escalations: [ { to: net, by: 10m } ]
  rca: { proximateCause: [[link]], rootCause: [[optic]] }
debrief:
  reference: [ { at: 1m, action: Escalate to network, why: It is their link } ]
`;
    const { scenario } = loadScenario(text, 'loop.yaml');
    if (!scenario) throw new Error('test scenario invalid');
    const exercise = new Exercise(scenario);
    exercise.advanceTo(time('25m'));
    const phases = exercise.log.filter((e) => e.type === 'phase.enter').map((e) => (e.type === 'phase.enter' ? e.payload.phase : ''));
    expect(phases).toEqual(['down', 'up', 'down', 'up', 'down', 'up']);
    expect(exercise.log.filter((e) => e.type === 'alert.fire')).toHaveLength(1);
  });
});

describe('the RCA exercise mode', () => {
  it('takes only the RCA, at any time, and scores it on the RCA alone', async () => {
    const { score } = await import('../../src/scoring/score.ts');
    const d = drive(scenario, { mode: 'rca' });
    const refused = d.act({ type: 'bridge.open' });
    expect(refused.type === 'action.refused' && refused.payload.reason).toMatch(/RCA exercise/);
    const rca = {
      proximateCause: 'Relying parties rejected SAML assertions signed with the new token-signing certificate.',
      rootCause: 'CHG-4411 promoted the new signing certificate to primary before the relying parties trusted it, because the runbook combined import and activation.',
      contributingFactors: [],
      actions: [],
    };
    expect(d.act({ type: 'rca.submit', rca }).type).toBe('rca.submit');
    const card = score(scenario, d.log, 'rca');
    expect(card.total).toBe(card.dimensions.rca.score);
    expect(card.dimensions.severity.weight).toBe(0);
  });
});
