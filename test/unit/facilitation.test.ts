import { updateSchedule } from '../../src/scoring/update-cadence.ts';
// The facilitator's side of an attempt: session commands and clock jumps (stored before shown),
// the answer key, tabletop credit, and notes and adjustments in the report and CSV.
import { beforeEach, describe, expect, it } from 'vitest';
import { DrillDatabase } from '../../src/store/db.ts';
import { AttemptStore } from '../../src/store/attempt-store.ts';
import { ExerciseSession } from '../../src/store/exercise-session.ts';
import { readAttemptFile, writeAttemptFile } from '../../src/store/attempt-file.ts';
import { offsetOfClockTime } from '../../src/scenario/duration.ts';
import { answerKey } from '../../src/scoring/answer-key.ts';
import { parseParticipants, teamCredit, THE_TEAM } from '../../src/scoring/team-credit.ts';
import { notesOf, postIncidentReport, scorecardCsv } from '../../src/scoring/post-incident-report.ts';
import { score } from '../../src/scoring/score.ts';
import { playActions } from '../../src/engine/replay.ts';
import { actorLabel, describeEntry } from '../../src/engine/describe-entry.ts';
import { parseMessage } from '../../src/ui/attempt-channel.ts';
import { flagship, time } from '../support/exercise-driver.ts';
import { startSession, storedAttempt } from '../support/sessions.ts';
import { failLogWrites } from '../support/storage-faults.ts';

const scenario = flagship();
let dbCount = 0;
let store: AttemptStore;

beforeEach(() => {
  store = new AttemptStore(new DrillDatabase(`facilitation-${++dbCount}`));
});

const started = (options: { mode?: 'practice' | 'tabletop'; participants?: string[] } = {}) =>
  startSession(store, scenario, { id: `attempt-${dbCount}`, mode: options.mode ?? 'practice', seed: 3, owner: 'tab-a', ...(options.participants ? { participants: options.participants } : {}) });
const storedLog = (session: ExerciseSession) => storedAttempt(store, session);

describe('ExerciseSession.facilitate', () => {
  it('stores a note, an adjustment and an ad-hoc inject (and its arrival) before it returns', async () => {
    const session = await started();
    const note = await session.facilitate({ type: 'facilitator.note', text: 'Slow to acknowledge.' });
    expect(note.ok && note.entry.type).toBe('facilitator.note');
    const adjust = await session.facilitate({ type: 'facilitator.adjust', dimension: 'communication', points: 12, reason: 'Calm with the CFO' });
    expect(adjust.ok).toBe(true);
    const inject = await session.facilitate({ type: 'facilitator.inject', report: { id: 'adhoc-1', from: 'The CFO', text: 'Payroll at 11:00: will it run?' } });
    expect(inject.ok).toBe(true);
    const { log } = await storedLog(session);
    expect(log).toEqual(session.log);
    expect(log.slice(-4).map((e) => e.type)).toEqual(['facilitator.note', 'facilitator.adjust', 'facilitator.inject', 'report.arrive']);
    expect(session.engine.view().reports.map((r) => r.report.id)).toContain('adhoc-1');
    const card = session.scorecard();
    expect(card.dimensions.communication.score).toBe(Math.min(100, card.dimensions.communication.automatic + 12));
  });

  it('refuses a command the engine refuses, and logs and stores nothing', async () => {
    const session = await started();
    const before = session.log;
    const result = await session.facilitate({ type: 'facilitator.inject', alert: { id: 'adhoc-1', service: 'no-such-service', source: 'Monitoring', level: 'warning', text: 'x' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/Unknown service "no-such-service"/);
    expect(session.log).toEqual(before);
    expect((await storedLog(session)).log).toEqual(before);
  });

  it('does not apply a command whose write fails, and says why', async () => {
    const session = await started();
    const before = session.log;
    failLogWrites();
    const result = await session.facilitate({ type: 'facilitator.note', text: 'never stored' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/out of storage space/);
    expect(session.log).toEqual(before);
    expect(session.engine.log.some((e) => e.type === 'facilitator.note')).toBe(false);
  });

  it('refuses once another tab has taken the attempt over', async () => {
    const session = await started();
    await store.takeOwnership(session.attempt.id, 'tab-b');
    const result = await session.facilitate({ type: 'facilitator.note', text: 'x' });
    expect(result.ok).toBe(false);
    expect(session.lost).toBe(true);
    expect((await session.facilitate({ type: 'facilitator.note', text: 'y' })).ok).toBe(false);
  });
});

describe('clock jumps', () => {
  it('jump to the next thing due, and store the time reached with what happened', async () => {
    const session = await started();
    const due = session.engine.nextEventAt();
    expect(due).toBeGreaterThan(0);
    const result = await session.jumpToNext();
    expect(result).toEqual({ ok: true, t: due });
    const stored = await storedLog(session);
    expect(stored.attempt.simTime).toBe(due);
    expect(stored.log).toEqual(session.log);
    expect(session.log.at(-1)?.t).toBe(due);
  });

  it('jump forward to a given time, and refuse going back or past the end with the reason', async () => {
    const session = await started();
    expect(await session.jumpTo(time('10m'))).toEqual({ ok: true, t: time('10m') });
    expect((await storedLog(session)).attempt.simTime).toBe(time('10m'));
    const back = await session.jumpTo(time('5m'));
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.reason).toBe('The clock only moves forward: it is already 08:50 (+10m), so it cannot go back to 08:45.');
    expect(session.now).toBe(time('10m'));
    const past = await session.jumpTo(time('2h'));
    expect(past.ok).toBe(false);
    if (!past.ok) expect(past.reason).toMatch(/ends at 09:55/);
  });

  it('do not move the clock when the write of what happened fails', async () => {
    const session = await started();
    const before = session.log;
    failLogWrites();
    const result = await session.jumpTo(time('10m'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/out of storage space/);
    expect(session.now).toBe(0);
    expect(session.log).toEqual(before);
    expect((await storedLog(session)).attempt.simTime).toBe(0);
  });

  it('do not end the exercise as if its end were an inject', async () => {
    const session = await started();
    let guard = 0;
    let last: Awaited<ReturnType<ExerciseSession['jumpToNext']>> | undefined;
    do last = await session.jumpToNext();
    while (last.ok && ++guard < 500);
    expect(last).toEqual({ ok: false, reason: 'Nothing else is due before the exercise ends at 09:55; to end it now, jump to that time.' });
    expect(session.attempt.status).toBe('in-progress');
    expect(session.now).toBeLessThan(scenario.duration);
  });

  it('refuse once the exercise is over', async () => {
    const session = await started();
    expect((await session.jumpTo(scenario.duration)).ok).toBe(true);
    expect(session.attempt.status).toBe('resolved');
    const next = await session.jumpToNext();
    expect(next).toEqual({ ok: false, reason: 'The incident is closed: the clock has stopped.' });
  });

  it('read clock times against the scenario start, wrapping past midnight', () => {
    expect(offsetOfClockTime('08:40', '10:05')).toBe(time('1h25m'));
    expect(offsetOfClockTime('23:50', '00:10')).toBe(time('20m'));
    expect(offsetOfClockTime('08:40', '8:40')).toBe(0);
    expect(offsetOfClockTime('08:40', '25:00')).toBeUndefined();
    expect(offsetOfClockTime('08:40', 'ten past')).toBeUndefined();
  });
});

describe('the answer key', () => {
  it('gives the expected priority, the escalations still owed with deadlines, the next update and the expert step', () => {
    // The trainee sets P4: the key must still say what is expected, not what they chose.
    const exercise = playActions(scenario, [{ t: time('2m'), action: { type: 'priority.set', level: 'P4' } }], { until: time('5m') });
    const key = answerKey(scenario, exercise.log, time('5m'), false);
    expect(key.expectedLevel).toBe('P2');
    expect(answerKey(scenario, playActions(scenario, [], { until: time('20m') }).log, time('20m'), false).expectedLevel).toBe('P1');
    expect(key.majorIncidentBy).toBe(time(scenario.spec.expectations.majorIncident?.by ?? '0m'));
    expect(answerKey(scenario, exercise.log, time('5m'), true).nextUpdateDue).toBeUndefined();
    expect(key.pendingEscalations.map((e) => [e.to, e.by])).toEqual(
      scenario.spec.expectations.escalations.map((e) => [e.to, time(e.by)]).sort((a, b) => Number(a[1]) - Number(b[1])),
    );
    expect(key.nextUpdateDue).toBe(updateSchedule(scenario, exercise.log, time('5m')).nextDue);
    expect(key.nextStep?.action).toBe(scenario.spec.debrief.reference.find((step) => time(step.at) >= time('4m'))?.action);
    const escalated = playActions(scenario, [{ t: time('4m'), action: { type: 'escalation.send', to: 'iam', note: 'x', evidence: [] } }], { until: time('5m') });
    expect(answerKey(scenario, escalated.log, time('5m'), false).pendingEscalations.map((e) => e.to)).not.toContain('iam');
  });
});

describe('the channel protocol', () => {
  it('accepts well-formed messages and ignores anything else', () => {
    expect(parseMessage({ kind: 'command', id: 'r1', command: { type: 'jump-to', t: 60000 } })).toEqual({ kind: 'command', id: 'r1', command: { type: 'jump-to', t: 60000 } });
    expect(parseMessage({ kind: 'command', id: 'r2', command: { type: 'facilitate', command: { type: 'facilitator.adjust', dimension: 'rca', points: 5, reason: 'good' } } })?.kind).toBe('command');
    expect(parseMessage({ kind: 'command', id: 'r3', command: { type: 'facilitate', command: { type: 'facilitator.adjust', dimension: 'rca', points: 5, reason: ' ' } } })).toBeUndefined();
    expect(parseMessage({ kind: 'heartbeat', state: { logLength: 3, simTime: 0, paused: true, speed: 1 } })?.kind).toBe('heartbeat');
    expect(parseMessage({ kind: 'command', id: 'r4', command: { type: 'speed', speed: 50 } })).toBeUndefined();
    expect(parseMessage('hello')).toBeUndefined();
  });
});

describe('tabletop', () => {
  it('keeps the participants with the attempt, and in its export file', async () => {
    const session = await started({ mode: 'tabletop', participants: ['Ana', 'Ben'] });
    const { attempt, log } = await storedLog(session);
    expect(attempt.participants).toEqual(['Ana', 'Ben']);
    const read = readAttemptFile(writeAttemptFile(attempt, log, '2026-11-26T05:00:00Z'), () => scenario);
    expect(read.ok && read.attempt.participants).toEqual(['Ana', 'Ben']);
  });

  it('parses the participants typed, comma or line separated', () => {
    expect(parseParticipants(' Ana, Ben\nChloé,, Ben \n')).toEqual(['Ana', 'Ben', 'Chloé']);
    expect(parseParticipants(' , \n')).toEqual([]);
    expect(parseParticipants('Ana, the team, Ben')).toEqual(['Ana', 'Ben']);
  });

  it('credits each decision to who made it, lists everyone, and gives unattributed ones to the team', () => {
    const exercise = playActions(
      scenario,
      [
        { t: time('1m'), action: { type: 'incident.declare-major', by: 'Ben' } },
        { t: time('2m'), action: { type: 'priority.set', level: 'P1', by: 'Ana' } },
        { t: time('3m'), action: { type: 'bridge.open' } },
        { t: time('4m'), command: { type: 'facilitator.note', text: 'not a decision' } },
      ],
      { mode: 'tabletop', until: time('5m') },
    );
    const credit = teamCredit(scenario, exercise.log, ['Ana', 'Ben', 'Chloé']);
    expect(credit.map((c) => [c.who, c.decisions.map((d) => d.text)])).toEqual([
      ['Ana', ['Priority set to P1.']],
      ['Ben', ['Declared a major incident.']],
      ['Chloé', []],
      [THE_TEAM, ['Opened the bridge.']],
    ]);
  });
});

describe('who an activity line names', () => {
  const exercise = playActions(
    scenario,
    [
      { t: time('1m'), action: { type: 'incident.declare-major', by: 'Ben' } },
      { t: time('2m'), action: { type: 'bridge.open' } },
      { t: time('3m'), command: { type: 'facilitator.note', text: 'Calm start' } },
    ],
    { mode: 'tabletop' },
  );
  const line = (type: string) => {
    const entry = exercise.log.find((e) => e.type === type);
    if (!entry) throw new Error(`no ${type} entry`);
    return (view: { own: boolean; tabletop: boolean }) => actorLabel(entry, describeEntry(scenario, entry, exercise.log).who, view);
  };

  it.each([
    // [entry, own window, tabletop, label]
    ['incident.declare-major', true, true, 'Ben'],
    ['incident.declare-major', false, false, 'Ben'],
    ['bridge.open', true, true, THE_TEAM],
    ['bridge.open', false, true, THE_TEAM],
    ['bridge.open', true, false, 'You'],
    ['bridge.open', false, false, 'Coordinator'],
    ['facilitator.note', false, true, 'Facilitator'],
    ['alert.fire', true, false, 'Scenario'],
    ['exercise.start', false, false, 'System'],
  ] as const)('%s, own window %s, tabletop %s: %s', (type, own, tabletop, label) => {
    expect(line(type)({ own, tabletop })).toBe(label);
  });
});

describe('notes and adjustments in the exports', () => {
  const exercise = playActions(
    scenario,
    [
      { t: time('1m'), action: { type: 'incident.declare-major', by: 'Ben' } },
      { t: time('3m'), command: { type: 'facilitator.note', text: 'Good | quick call' } },
      { t: time('4m'), command: { type: 'facilitator.adjust', dimension: 'escalation', points: 15, reason: 'Phoned the vendor early' } },
    ],
    { mode: 'tabletop' },
  );
  const card = score(scenario, exercise.log, 'tabletop');

  it('the Markdown report has the notes, each adjustment with the automatic and adjusted score, and the team', () => {
    const report = postIncidentReport(scenario, exercise.log, card, { mode: 'tabletop', participants: ['Ana', 'Ben'] });
    const esc = card.dimensions.escalation;
    expect(esc.score).toBe(Math.min(100, esc.automatic + 15));
    expect(report).toContain(`### Escalation: ${esc.score}/100`);
    expect(report).toContain(`Automatic score ${esc.automatic}/100; facilitator adjustments:`);
    expect(report).toContain('- +15 at 08:44 (+4m): Phoned the vendor early');
    expect(report).toContain("## Facilitator's notes and adjustments");
    expect(report).toContain('- 08:43 (+3m) note: Good \\| quick call');
    expect(report).toContain('- **Team:** Ana, Ben');
    expect(report).toMatch(/### Ben\n\n- 08:41 \(\+1m\) Declared a major incident\./);
    expect(report).toMatch(/\| 08:41 \(\+1m\) \| Ben \| Declared a major incident\. \|/);
    expect(report).toMatch(/\| 08:43 \(\+3m\) \| Facilitator \| Note: Good \\\| quick call \|/);
  });

  it('the CSV total is the adjusted total, with the adjustments and notes in their own columns', () => {
    const csv = scorecardCsv([{ attemptId: 'a1', scenarioId: scenario.spec.id, mode: 'tabletop', started: 's', status: 'scored', card, notes: notesOf(exercise.log) }]);
    const row = csv.trimEnd().split('\r\n')[1];
    const unadjusted = score(scenario, exercise.log.filter((e) => e.type !== 'facilitator.adjust'), 'tabletop');
    expect(card.total).toBeGreaterThan(unadjusted.total);
    expect(row).toBe(`a1,${scenario.spec.id},tabletop,s,scored,${card.total},${card.dimensions.severity.score},${card.dimensions.escalation.score},${card.dimensions.communication.score},${card.dimensions.rca.score},escalation +15 at +4m: Phoned the vendor early,+3m: Good | quick call`);
  });
});
