// The trainee window's side of the facilitator's commands (src/ui/console/carry-out.ts): each
// command goes through the window's own session, so what it does is stored before the reply.
import { beforeEach, describe, expect, it } from 'vitest';
import { DrillDatabase } from '../../src/store/db.ts';
import { AttemptStore } from '../../src/store/attempt-store.ts';
import type { ExerciseSession } from '../../src/store/exercise-session.ts';
import { carryOut } from '../../src/ui/console/carry-out.ts';
import { offsetOfClockTime } from '../../src/scenario/duration.ts';
import { flagship, time } from '../support/exercise-driver.ts';
import { startSession, storedAttempt } from '../support/sessions.ts';

const scenario = flagship();
let dbCount = 0;
let store: AttemptStore;

beforeEach(() => {
  store = new AttemptStore(new DrillDatabase(`carry-out-${++dbCount}`));
});

const started = () => startSession(store, scenario, { id: `attempt-${dbCount}`, mode: 'practice', seed: 5, owner: 'tab-a' });
const stored = (session: ExerciseSession) => storedAttempt(store, session);

describe('carrying out a facilitator command in the trainee window', () => {
  it('pauses, resumes and sets the speed, and the stored attempt keeps the speed', async () => {
    const session = await started();
    expect(await carryOut(session, { type: 'resume' })).toEqual({ ok: true });
    expect(session.paused).toBe(false);
    expect(await carryOut(session, { type: 'speed', speed: 5 })).toEqual({ ok: true });
    expect(await carryOut(session, { type: 'pause' })).toEqual({ ok: true });
    expect(session.paused).toBe(true);
    expect(session.speed).toBe(5);
    expect((await stored(session)).attempt.settings.speed).toBe(5);
  });

  it('refuses a speed the console does not offer, naming the ones it does', async () => {
    const session = await started();
    expect(await carryOut(session, { type: 'speed', speed: 3 })).toEqual({ ok: false, reason: 'The speed must be one of 1×, 2×, 5×, 10×.' });
    expect(session.speed).toBe(1);
  });

  it('jumps to the next inject and to a time, never backwards', async () => {
    const session = await started();
    const next = session.engine.nextEventAt();
    expect(await carryOut(session, { type: 'jump-next' })).toEqual({ ok: true });
    expect(session.now).toBe(next);
    expect(await carryOut(session, { type: 'jump-to', t: time('10m') })).toEqual({ ok: true });
    expect((await stored(session)).attempt.simTime).toBe(time('10m'));
    const back = await carryOut(session, { type: 'jump-to', t: time('5m') });
    expect(back.ok).toBe(false);
    expect(back.reason).toMatch(/only moves forward/);
  });

  it('turns an inject meant for a clock time into a delay from now, when it is carried out', async () => {
    const session = await started();
    await carryOut(session, { type: 'jump-to', t: time('4m') });
    const arriveAt = offsetOfClockTime(scenario.spec.clockStart, '08:50');
    if (arriveAt === undefined) throw new Error('08:50 is not a clock time of this scenario');
    const outcome = await carryOut(session, { type: 'facilitate', arriveAt, command: { type: 'facilitator.inject', report: { id: 'adhoc-1', from: 'The CFO', text: 'Payroll at 11:00?' } } });
    expect(outcome).toEqual({ ok: true });
    const inject = session.log.find((e) => e.type === 'facilitator.inject');
    expect(inject?.t).toBe(time('4m'));
    expect(inject?.payload).toMatchObject({ after: `${(arriveAt - time('4m')) / 60_000}m` });
    expect(session.engine.view().reports.some((r) => r.report.id === 'adhoc-1')).toBe(false);
    await carryOut(session, { type: 'jump-to', t: arriveAt });
    expect(session.log.find((e) => e.type === 'report.arrive' && e.payload.report.id === 'adhoc-1')?.t).toBe(arriveAt);
    expect((await stored(session)).log).toEqual(session.log);
  });

  it('refuses an inject for a clock time already past, and one the engine refuses, storing nothing', async () => {
    const session = await started();
    await carryOut(session, { type: 'jump-to', t: time('10m') });
    const before = session.log.length;
    const past = await carryOut(session, { type: 'facilitate', arriveAt: time('2m'), command: { type: 'facilitator.inject', report: { id: 'adhoc-1', from: 'The CFO', text: 'Late' } } });
    expect(past.ok).toBe(false);
    expect(past.reason).toBeTruthy();
    const unknown = await carryOut(session, { type: 'facilitate', command: { type: 'facilitator.inject', alert: { id: 'adhoc-1', service: 'mainframe', source: 'F', level: 'warning', text: 'x' } } });
    expect(unknown).toEqual({ ok: false, reason: expect.stringMatching(/Unknown service "mainframe"/) });
    expect(session.log.length).toBe(before);
    expect((await stored(session)).log.length).toBe(before);
  });

  it('will not restart the clock of a closed incident', async () => {
    const session = await started();
    await carryOut(session, { type: 'jump-to', t: scenario.duration });
    expect(session.attempt.status).toBe('resolved');
    expect(await carryOut(session, { type: 'resume' })).toEqual({ ok: false, reason: 'The incident is closed: the clock has stopped.' });
    expect(session.paused).toBe(true);
    expect((await carryOut(session, { type: 'jump-next' })).ok).toBe(false);
  });
});
