// Facilitator commands in the core: ad-hoc injects, notes and adjustments are log entries,
// replayed like actions; adjustments and per-attempt weights change the score as documented.
import { describe, expect, it } from 'vitest';
import { flagship, time } from '../support/exercise-driver.ts';
import { transcriptSets } from '../support/transcripts.ts';
import { Exercise } from '../../src/engine/exercise.ts';
import { playActions, restoreFromLog } from '../../src/engine/replay.ts';
import { parseTranscript, toTranscript } from '../../src/engine/transcript.ts';
import { canonicalJson } from '../../src/engine/canonical-json.ts';
import { score } from '../../src/scoring/score.ts';
import { describeEntry } from '../../src/engine/describe-entry.ts';
import { adjustmentProblem, injectArrivingAt, nextAdhocId, type FacilitatorCommand } from '../../src/engine/facilitator.ts';

const scenario = flagship();
const cfo: FacilitatorCommand = { type: 'facilitator.inject', report: { id: 'adhoc-1', from: 'CFO', channel: 'phone', text: 'Payroll runs at 11:00. Will it work?' } };
const expert = transcriptSets().find((set) => set.id === scenario.spec.id)?.transcripts.expert.actions ?? [];

describe('facilitator commands', () => {
  it('delivers an ad-hoc report now: the command, then the report, at the same moment', () => {
    const exercise = new Exercise(scenario);
    const result = exercise.facilitate(cfo, time('2m'));
    expect(result.ok).toBe(true);
    const tail = exercise.log.slice(-2);
    expect(tail.map((e) => [e.type, e.t])).toEqual([
      ['facilitator.inject', time('2m')],
      ['report.arrive', time('2m')],
    ]);
    expect(exercise.view().reports.map((r) => r.report.id)).toContain('adhoc-1');
  });

  it('delivers a scheduled ad-hoc alert at its time, not before', () => {
    const exercise = new Exercise(scenario);
    const result = exercise.facilitate({ type: 'facilitator.inject', after: '3m', alert: { id: 'adhoc-2', service: 'sso', source: 'Facilitator', level: 'critical', text: 'idp03 CPU 100%' } }, time('1m'));
    expect(result.ok).toBe(true);
    exercise.advanceTo(time('3m59s'));
    expect(exercise.view().alerts.some((a) => a.alert.id === 'adhoc-2')).toBe(false);
    exercise.advanceTo(time('4m'));
    const fired = exercise.log.find((e) => e.type === 'alert.fire' && e.payload.alert.id === 'adhoc-2');
    expect(fired?.t).toBe(time('4m'));
    // The trainee can acknowledge it like any alert, and the log names it like a scripted one.
    const ack = exercise.act({ type: 'alert.acknowledge', alert: 'adhoc-2' });
    expect(ack.type).toBe('alert.acknowledge');
    const sso = scenario.spec.services.find((s) => s.id === 'sso')?.name;
    expect(describeEntry(scenario, ack, exercise.log).text).toBe(`Acknowledged the critical alert on ${sso} (Facilitator).`);
  });

  it.each([
    ['an id the scenario already uses', { ...cfo, report: { ...cfo.report!, id: 'r-ap-clerk' } } as FacilitatorCommand, /already used/],
    ['an unknown service', { type: 'facilitator.inject', alert: { id: 'adhoc-3', service: 'mainframe', source: 'F', level: 'warning', text: 'x' } } as FacilitatorCommand, /Unknown service "mainframe"/],
    ['an arrival after the end', { ...cfo, after: '2h' } as FacilitatorCommand, /after the exercise ends/],
  ])('refuses an inject with %s, and logs nothing', (_what, command, reason) => {
    const exercise = new Exercise(scenario);
    const before = exercise.log.length;
    const result = exercise.facilitate(command, time('1m'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
    expect(exercise.log.slice(before).filter((e) => e.type.startsWith('facilitator.'))).toEqual([]);
  });

  it('refuses a second inject with the id of one still on its way', () => {
    const exercise = new Exercise(scenario);
    expect(exercise.facilitate({ ...cfo, after: '5m' }, time('1m')).ok).toBe(true);
    expect(exercise.facilitate(cfo, time('2m')).ok).toBe(false);
  });

  it('replays a facilitated log to the same entries, from the store and through a transcript', () => {
    const inputs = [
      ...expert.filter((a) => a.t < time('10m')),
      { t: time('3m'), command: { ...cfo, after: '4m' } },
      { t: time('5m'), command: { type: 'facilitator.note', text: 'Good call on the password resets.' } as FacilitatorCommand },
      { t: time('6m'), command: { type: 'facilitator.adjust', dimension: 'communication', points: 5, reason: 'Handled the CFO call well.' } as FacilitatorCommand },
    ].sort((a, b) => a.t - b.t);
    const played = playActions(scenario, inputs, { until: time('20m') });
    expect(played.log.some((e) => e.type === 'report.arrive' && e.payload.report.id === 'adhoc-1' && e.t === time('7m'))).toBe(true);

    const restored = restoreFromLog(scenario, played.log, played.now);
    expect(restored.mismatch).toBeUndefined();

    const file = JSON.stringify(toTranscript(played.log, scenario.spec.id, 0, 'practice'));
    const { transcript, problems } = parseTranscript(file, 't.json', scenario);
    expect(problems).toEqual([]);
    const again = playActions(scenario, transcript!.actions, { until: time('20m') });
    expect(again.log.map(canonicalJson)).toEqual(played.log.map(canonicalJson));
  });
});

describe('ad-hoc inject helpers', () => {
  it('picks an id no scripted, sent or pending inject uses', () => {
    const exercise = new Exercise(scenario);
    expect(nextAdhocId(scenario, exercise.log)).toBe('adhoc-1');
    exercise.facilitate({ ...cfo, after: '5m' }, time('1m'));
    expect(nextAdhocId(scenario, exercise.log)).toBe('adhoc-2');
    // The id it offers is one the engine accepts.
    expect(exercise.facilitate({ ...cfo, report: { ...cfo.report!, id: nextAdhocId(scenario, exercise.log) } }).ok).toBe(true);
  });

  it('turns a clock time into the delay at the moment the command is carried out', () => {
    const at = injectArrivingAt({ ...cfo, after: '9m' }, time('10m'), time('7m30s'), '08:40');
    expect(at).toEqual({ ok: true, command: { ...cfo, after: '2m30s' } });
    // A time in the current minute means now; an earlier one is refused in clock time.
    expect(injectArrivingAt(cfo, time('7m'), time('7m30s'), '08:40')).toEqual({ ok: true, command: cfo });
    const late = injectArrivingAt(cfo, time('5m'), time('7m30s'), '08:40');
    expect(late.ok === false && late.reason).toBe('08:45 has already passed (it is 08:47); pick a later time or send it now.');
  });
});

describe('what an adjustment must say', () => {
  it.each([
    [{ dimension: 'rca', points: 5, reason: 'Named the real cause aloud.' }, undefined],
    [{ dimension: 'rca', points: 0, reason: 'x' }, /0 points changes nothing/],
    [{ dimension: 'rca', points: 101, reason: 'x' }, /at most 100 points/],
    [{ dimension: 'rca', points: 2.5, reason: 'x' }, /whole number/],
    [{ dimension: 'rca', points: 5, reason: '   ' }, /A reason is required: say why the score changes\./],
    [{ dimension: 'speed', points: 5, reason: 'x' }, /expected one of severity, escalation, communication, rca/i],
  ])('%o → %s', (adjustment, problem) => {
    const found = adjustmentProblem(adjustment);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toMatch(problem);
  });
});

describe('adjustments and weights in the score', () => {
  const finished = playActions(scenario, expert);
  const base = score(scenario, finished.log);

  it('adds an adjustment to its dimension, keeps the automatic score beside it, and moves the total', () => {
    const exercise = restoreFromLog(scenario, finished.log, finished.now).exercise;
    exercise.facilitate({ type: 'facilitator.adjust', dimension: 'severity', points: -20, reason: 'Set P2 without saying why.' });
    const card = score(scenario, exercise.log);
    expect(card.dimensions.severity.automatic).toBe(base.dimensions.severity.score);
    expect(card.dimensions.severity.score).toBe(base.dimensions.severity.score - 20);
    expect(card.dimensions.severity.adjustments).toEqual([{ t: exercise.now, points: -20, reason: 'Set P2 without saying why.' }]);
    expect(card.total).toBe(Math.round((card.dimensions.severity.score + base.dimensions.escalation.score + base.dimensions.communication.score + base.dimensions.rca.score) / 4));
    expect(card.total).toBeLessThan(base.total);
  });

  it('clamps an adjusted score to 0–100, and a note changes nothing', () => {
    const exercise = restoreFromLog(scenario, finished.log, finished.now).exercise;
    exercise.facilitate({ type: 'facilitator.adjust', dimension: 'rca', points: 100, reason: 'Generous.' });
    exercise.facilitate({ type: 'facilitator.note', text: 'A note changes nothing.' });
    const card = score(scenario, exercise.log);
    expect(card.dimensions.rca.score).toBe(100);
    expect(card.dimensions.rca.adjustments).toHaveLength(1);
    expect(card.dimensions.escalation).toEqual(base.dimensions.escalation);
  });

  it('scores with the attempt’s own weights, carried in the log and in its transcript', () => {
    const weights = { severity: 70, escalation: 10, communication: 10, rca: 10 };
    const weighted = playActions(scenario, expert, { weights });
    const card = score(scenario, weighted.log, 'interview');
    const d = card.dimensions;
    expect(d.severity.weight).toBe(70);
    expect(card.total).toBe(Math.round((d.severity.score * 70 + d.escalation.score * 10 + d.communication.score * 10 + d.rca.score * 10) / 100));
    const file = JSON.stringify(toTranscript(weighted.log, scenario.spec.id, 0, 'interview'));
    const { transcript } = parseTranscript(file, 't.json', scenario);
    expect(transcript?.weights).toEqual(weights);
    const replayed = playActions(scenario, transcript!.actions, { mode: 'interview', weights: transcript!.weights });
    expect(score(scenario, replayed.log, 'interview')).toEqual(card);
  });

  it('records who in the room decided, without changing the score', () => {
    const tagged = expert.map((a, i) => ({ ...a, action: { ...a.action, by: i % 2 ? 'Priya' : 'Sam' } }));
    const played = playActions(scenario, tagged, { mode: 'tabletop' });
    expect(played.log.filter((e) => e.type === 'action.refused')).toEqual([]);
    expect(score(scenario, played.log, 'tabletop').total).toBe(score(scenario, playActions(scenario, expert, { mode: 'tabletop' }).log, 'tabletop').total);
  });
});
