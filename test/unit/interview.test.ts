import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { DrillDatabase } from '../../src/store/db.ts';
import { AttemptStore } from '../../src/store/attempt-store.ts';
import { createInterviewKey, seal, unlockInterviewKey, unseal, WrongPassphraseError, PBKDF2_ITERATIONS } from '../../src/store/interview-crypto.ts';
import { addAdjustment, addNote, interviewScorecard, interviewTranscript, listInterviews, sealResults, startInterview, unlockInterview } from '../../src/store/interview-store.ts';
import { HIRE_SIGNAL, hireSignal, RUBRIC_VERSION, WEIGHTS } from '../../src/scoring/rubric.ts';
import { score } from '../../src/scoring/score.ts';
import { alignedTimelines, comparisonCsv, comparisonMarkdown, rescoreNotice, type ComparedCandidate } from '../../src/scoring/interview-comparison.ts';
import { parseTranscript } from '../../src/engine/transcript.ts';
import { playActions } from '../../src/engine/replay.ts';
import { flagship } from '../support/exercise-driver.ts';

const scenario = flagship();
const parsedExpert = parseTranscript(readFileSync('test/transcripts/sso-outage-monday/expert.json', 'utf8'), 'expert.json', scenario).transcript;
if (!parsedExpert) throw new Error('expert transcript invalid');
const expert = parsedExpert;
const WEIGHTED = { severity: 10, escalation: 20, communication: 30, rca: 40 };
// Fewer PBKDF2 rounds keep the unit tests quick; the app always uses PBKDF2_ITERATIONS.
const FAST = 1000;

let n = 0;
let store: AttemptStore;
beforeEach(() => {
  store = new AttemptStore(new DrillDatabase(`interview-${++n}`));
});

describe('interview crypto', () => {
  it('uses at least 200 000 PBKDF2 rounds by default', () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(200_000);
  });

  it('unlocks with the right passphrase and refuses a wrong one', async () => {
    const material = await createInterviewKey('correct horse battery', FAST);
    expect(material.wrappedPrivateKey).not.toContain('BEGIN');
    expect(Object.keys(material.publicKey)).not.toContain('d'); // no private exponent in the clear
    const box = await seal(material.publicKey, { total: 73, note: 'calm under pressure' });
    // Base64 has no spaces or quotes: a plain-text fragment would show.
    expect(JSON.stringify(box)).not.toContain('"total"');
    expect(JSON.stringify(box)).not.toContain('calm under pressure');
    const key = await unlockInterviewKey(material, 'correct horse battery');
    expect(await unseal(key, box)).toEqual({ total: 73, note: 'calm under pressure' });
    await expect(unlockInterviewKey(material, 'correct horse batterY')).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('refuses a passphrase shorter than 8 characters', async () => {
    await expect(createInterviewKey('short', FAST)).rejects.toThrow(/at least 8/);
  });

  it('seals with a fresh key each time, and another interview\'s key cannot open it', async () => {
    const a = await createInterviewKey('passphrase-a', FAST);
    const b = await createInterviewKey('passphrase-a', FAST);
    const one = await seal(a.publicKey, 'x');
    const two = await seal(a.publicKey, 'x');
    expect(one.data).not.toBe(two.data);
    const keyB = await unlockInterviewKey(b, 'passphrase-a');
    await expect(unseal(keyB, one)).rejects.toThrow();
  });
});

describe('hire signal and rubric version', () => {
  it('is strong from 80, meets from 60, below under 60', () => {
    expect(HIRE_SIGNAL).toEqual({ strong: 80, meets: 60 });
    expect([100, 80, 79, 60, 59, 0].map(hireSignal)).toEqual(['strong', 'strong', 'meets', 'meets', 'below', 'below']);
    expect(RUBRIC_VERSION).toMatch(/^\d{4}\.\d{2}$/);
  });
});

describe('interview weights', () => {
  it('score the same actions differently only through the weights in the start entry', () => {
    const plain = playActions(scenario, expert.actions, { seed: 3, mode: 'interview' });
    const weighted = playActions(scenario, expert.actions, { seed: 3, mode: 'interview', weights: WEIGHTED });
    const a = score(scenario, plain.log, 'interview');
    const b = score(scenario, weighted.log, 'interview');
    expect(WEIGHTS.interview).toEqual({ severity: 25, escalation: 25, communication: 25, rca: 25 });
    for (const d of ['severity', 'escalation', 'communication', 'rca'] as const) expect(b.dimensions[d].score).toBe(a.dimensions[d].score);
    expect(b.dimensions.rca.weight).toBe(40);
    const expected = Math.round((10 * a.dimensions.severity.score + 20 * a.dimensions.escalation.score + 30 * a.dimensions.communication.score + 40 * a.dimensions.rca.score) / 100);
    expect(b.total).toBe(expected);
    // Same scenario, same actions, same weights: same score for every candidate.
    expect(score(scenario, playActions(scenario, expert.actions, { seed: 3, mode: 'interview', weights: WEIGHTED }).log, 'interview')).toEqual(b);
  });
});

describe('interviews in the store', () => {
  async function playedInterview(candidate: string, passphrase: string) {
    const started = await startInterview(store, scenario, { id: `iv-${candidate}`, seed: 5, owner: 'tab', candidate, weights: WEIGHTED, passphrase });
    if (!started.ok) throw new Error(started.error.message);
    const session = started.value;
    for (const input of expert.actions) if ('action' in input) {
      session.engine.advanceTo(input.t);
      await session.act(input.action);
    }
    return session;
  }

  it('stores no total and no plain results; the sealed results open with the passphrase only', async () => {
    const session = await playedInterview('Ada', 'interview-pass-1');
    const card = session.scorecard();
    expect(card.dimensions.rca.weight).toBe(40);
    expect(session.log[0]?.type === 'exercise.start' && session.log[0].payload.weights).toEqual(WEIGHTED);
    const attempt = await store.db.attempts.get(session.attempt.id);
    expect(attempt).toMatchObject({ mode: 'interview', status: 'scored', trainee: 'Ada' });
    expect(attempt?.total).toBeUndefined();

    // Two seals at once (a second tab, a doubled effect): exactly one is stored.
    const both = await Promise.all([sealResults(store, session.attempt.id, card), sealResults(store, session.attempt.id, card)]);
    expect(both.map((r) => r.ok && r.value).sort()).toEqual([false, true]);
    expect(await sealResults(store, session.attempt.id, card)).toEqual({ ok: true, value: false }); // sealed once
    const refused = await addAdjustment(store, session.attempt.id, { dimension: 'rca', points: 0, reason: 'no change' });
    expect(refused.ok === false && refused.error.message).toMatch(/0 points changes nothing/);
    expect((await addNote(store, session.attempt.id, 'Asked for the change calendar early')).ok).toBe(true);
    expect((await addAdjustment(store, session.attempt.id, { dimension: 'communication', points: 5, reason: 'Explained the outage well on the bridge' })).ok).toBe(true);
    const row = await store.db.interviews.get(session.attempt.id);
    const stored = JSON.stringify(row);
    expect(stored).not.toContain('"total"');
    expect(stored).not.toContain('change calendar');
    expect(stored).not.toContain('bridge');
    expect(row?.results).toBeDefined();

    expect(await unlockInterview(store, session.attempt.id, 'wrong passphrase')).toEqual({ ok: false, error: { kind: 'wrong-passphrase', message: 'Wrong passphrase' } });
    expect(await store.db.interviews.get(session.attempt.id)).toEqual(row); // nothing changed

    const opened = await unlockInterview(store, session.attempt.id, 'interview-pass-1');
    if (!opened.ok) throw new Error(opened.error.message);
    const unlocked = opened.value;
    expect(unlocked.sealedResult).toEqual({ card, rubricVersion: RUBRIC_VERSION });
    expect(rescoreNotice(session.scorecard(), unlocked.sealedResult)).toBeUndefined();
    expect(unlocked.notes.map((x) => x.text)).toEqual(['Asked for the change calendar early']);
    expect(unlocked.adjustments).toMatchObject([{ dimension: 'communication', points: 5 }]);

    const adjusted = interviewScorecard(scenario, session.log, unlocked);
    expect(adjusted.dimensions.communication.score).toBe(Math.min(100, card.dimensions.communication.score + 5));
    // The exported transcript replays (as the CLI does) to the same scorecard.
    const transcript = interviewTranscript(unlocked.attempt, session.log, unlocked);
    expect(transcript.weights).toEqual(WEIGHTED);
    const parsed = parseTranscript(JSON.stringify(transcript), 't.json', scenario);
    expect(parsed.problems).toEqual([]);
    const t = parsed.transcript;
    if (!t) throw new Error('no transcript');
    const replayed = playActions(scenario, t.actions, { seed: t.seed, mode: t.mode, ...(t.weights ? { weights: t.weights } : {}) });
    expect(score(scenario, replayed.log, t.mode)).toEqual(adjusted);
  });

  it('lists interviews per scenario', async () => {
    await startInterview(store, scenario, { id: 'a', seed: 1, owner: 'tab', candidate: 'A', weights: WEIGHTED, passphrase: 'same-passphrase' });
    await startInterview(store, scenario, { id: 'b', seed: 1, owner: 'tab', candidate: 'B', weights: WEIGHTED, passphrase: 'same-passphrase' });
    expect((await listInterviews(store, scenario.spec.id)).map((i) => i.candidate)).toEqual(['A', 'B']);
    expect(await listInterviews(store, 'other')).toEqual([]);
  });
});

describe('comparison exports', () => {
  const card = (total: number, s: number) => ({ scenario: 'x', total, dimensions: Object.fromEntries(Object.entries(WEIGHTED).map(([d, weight]) => [d, { score: s, automatic: s, adjustments: [], weight, evidence: [] }])) }) as unknown as ComparedCandidate['card'];
  const rows: ComparedCandidate[] = [
    { candidate: 'Ada, L.', attemptId: 'a1', card: card(85, 85) },
    { candidate: 'Bo | B', attemptId: 'b1', card: card(55, 55) },
  ];
  it('CSV: one row per candidate with scores, signals, weights and the rubric version', () => {
    const lines = comparisonCsv('sso', rows).trim().split('\r\n');
    expect(lines[0]).toBe('scenario,candidate,attempt,rubric_version,total,severity,severity_signal,severity_weight,escalation,escalation_signal,escalation_weight,communication,communication_signal,communication_weight,rca,rca_signal,rca_weight');
    expect(lines[1]).toBe(`sso,"Ada, L.",a1,${RUBRIC_VERSION},85,85,strong,10,85,strong,20,85,strong,30,85,strong,40`);
    expect(lines[2]).toBe(`sso,Bo | B,b1,${RUBRIC_VERSION},55,55,below,10,55,below,20,55,below,30,55,below,40`);
  });
  it('Markdown: the table, the weights, the rubric version and the thresholds', () => {
    const md = comparisonMarkdown('SSO outage', rows);
    expect(md).toContain('# Interview comparison: SSO outage');
    expect(md).toContain(`by rubric version ${RUBRIC_VERSION}, with that interview's weights`);
    expect(md).toContain('strong ≥ 80, meets ≥ 60');
    expect(md).toContain('| Ada, L. | 85 | 85 (strong) | 85 (strong) | 85 (strong) | 85 (strong) |');
    expect(md).toContain('| Bo \\| B | 55 | 55 (below)');
    expect(md).toContain('| Ada, L. | 10 | 20 | 30 | 40 |');
  });

  it('aligns candidates\' actions on one clock', () => {
    const a = playActions(scenario, expert.actions.filter((x) => 'action' in x).slice(0, 3)).log;
    const b = playActions(scenario, [{ t: 30 * 60_000, action: { type: 'bridge.open' } }]).log;
    const lines = alignedTimelines(scenario, [
      { attemptId: 'a', candidate: 'Ada', log: a },
      { attemptId: 'b', candidate: 'Bo', log: b },
    ]);
    expect(lines.from).toBe('08:40');
    expect(lines.ticks.map((t) => t.label).slice(0, 3)).toEqual(['08:40', '08:50', '09:00']);
    expect(lines.rows[0]?.marks).toHaveLength(3);
    expect(lines.rows[1]?.marks).toEqual([{ seq: expect.any(Number), kind: 'bridge', position: (30 * 60_000) / scenario.duration, text: '09:10 Opened the bridge.' }]);
  });

  it('tells the interviewer when the rubric in use scores differently from the sealed result', () => {
    const now = card(85, 85);
    expect(rescoreNotice(now, { card: now, rubricVersion: RUBRIC_VERSION })).toBeUndefined();
    expect(rescoreNotice(now, undefined)).toBeUndefined();
    expect(rescoreNotice(now, { card: card(70, 70), rubricVersion: '2025.01' })).toMatch(/under rubric 2025\.01 with automatic scores Severity 70.*gives different Severity, Escalation, Communication, RCA quality scores/);
    expect(rescoreNotice(now, { card: now, rubricVersion: '2025.01' })).toMatch(/the automatic scores are the same/);
  });
});
