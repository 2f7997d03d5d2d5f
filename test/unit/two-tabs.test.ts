// Two tabs on one attempt, under a race: writes from both sides in flight while one takes the
// attempt over. Exactly one tab keeps writing, the other is told it was taken over, and the
// stored log has no gaps, no duplicates and no entry from the tab that lost.
import { beforeEach, describe, expect, it } from 'vitest';
import { DrillDatabase } from '../../src/store/db.ts';
import { AttemptStore } from '../../src/store/attempt-store.ts';
import { ExerciseSession, type ActResult } from '../../src/store/exercise-session.ts';
import { restoreFromLog } from '../../src/engine/replay.ts';
import type { LogEntry } from '../../src/engine/attempt-log.ts';
import { flagship } from '../support/exercise-driver.ts';

const scenario = flagship();
let n = 0;
let store: AttemptStore;
beforeEach(() => {
  store = new AttemptStore(new DrillDatabase(`two-tabs-${++n}`));
});

/** What a tab does when it opens an attempt: take it over, then load it (use-attempt-session.ts). */
async function openIn(tab: string, attemptId: string): Promise<ExerciseSession> {
  const owned = await store.takeOwnership(attemptId, tab);
  if (!owned.ok) throw new Error(owned.error.message);
  const resumed = await ExerciseSession.resume(store, scenario, attemptId, tab);
  if (!resumed.ok) throw new Error(resumed.error.message);
  return resumed.value.session;
}

const update = (text: string) => ({ type: 'update.post' as const, audience: 'stakeholders' as const, text });
const updatesIn = (log: readonly LogEntry[]) => log.flatMap((e) => (e.type === 'update.post' ? [e.payload.text] : []));

async function storedLog(id: string): Promise<LogEntry[]> {
  const loaded = await store.load(id);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value.log;
}

function expectWellFormed(log: readonly LogEntry[]): void {
  expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i));
  expect(restoreFromLog(scenario, log, log.at(-1)?.t ?? 0).mismatch).toBeUndefined();
}

describe('two tabs on one attempt', () => {
  it('a takeover in the middle of a burst of writes: the old tab stops, the new one carries on, the log has no gaps or duplicates', async () => {
    const started = await ExerciseSession.start(store, scenario, { id: 'race1', mode: 'practice', seed: 4, owner: 'tab-a' });
    if (!started.ok) throw new Error(started.error.message);
    const a = started.value;
    await a.act(update('A0'));

    // Tab A queues 15 clicks; once its 5th is stored, tab B opens the attempt while the other
    // 10 are still queued or in flight, then B clicks 10 times without waiting either.
    const fromA: Promise<ActResult>[] = [];
    for (let i = 1; i <= 15; i++) fromA.push(a.act(update(`A${i}`)));
    const b = await (fromA[4] ?? Promise.reject(new Error('no 5th write'))).then(() => openIn('tab-b', 'race1'));
    const fromB = await Promise.all(Array.from({ length: 10 }, (_, i) => b.act(update(`B${i}`))));
    const resultsA = await Promise.all(fromA);

    expect(fromB.every((r) => r.ok)).toBe(true);
    // A's writes succeed up to the takeover and fail from then on, each saying why.
    const firstRefused = resultsA.findIndex((r) => !r.ok);
    const okA = resultsA.filter((r) => r.ok).length;
    expect(okA).toBeGreaterThanOrEqual(5);
    expect(firstRefused).toBeGreaterThan(0);
    expect(resultsA.slice(firstRefused).every((r) => !r.ok && r.error.kind === 'taken-over')).toBe(true);
    expect(a.lost).toBe(true);
    const after = await a.act(update('A-late'));
    expect(after.ok).toBe(false);
    expect(!after.ok && after.error.kind).toBe('taken-over');

    const log = await storedLog('race1');
    expectWellFormed(log);
    const texts = updatesIn(log);
    // Every A update stored came before B's; none after; B's ten are all there, in order.
    expect(texts).toEqual([...Array.from({ length: okA + 1 }, (_, i) => `A${i}`), ...Array.from({ length: 10 }, (_, i) => `B${i}`)]);
    expect(b.log).toEqual(log);
  });

  it('a taken-over tab whose next entry clashes with one the new owner wrote is told it was taken over', async () => {
    const started = await ExerciseSession.start(store, scenario, { id: 'race3', mode: 'practice', seed: 4, owner: 'tab-a' });
    if (!started.ok) throw new Error(started.error.message);
    const a = started.value;
    const b = await openIn('tab-b', 'race3');
    // B writes the entry number A would write next; A then tries to write the same number.
    expect((await b.act(update('B0'))).ok).toBe(true);
    const late = await a.act(update('A0'));
    expect(!late.ok && late.error.kind).toBe('taken-over');
    expect(a.lost).toBe(true);
    expect(updatesIn(await storedLog('race3'))).toEqual(['B0']);
  });

  it('two tabs taking over at once: exactly one of them can write', async () => {
    const started = await ExerciseSession.start(store, scenario, { id: 'race2', mode: 'practice', seed: 4, owner: 'tab-a' });
    if (!started.ok) throw new Error(started.error.message);
    await started.value.act(update('A0'));

    const [b, c] = await Promise.all([openIn('tab-b', 'race2'), openIn('tab-c', 'race2')]);
    const [fromB, fromC] = await Promise.all([Promise.all([1, 2, 3].map((i) => b.act(update(`B${i}`)))), Promise.all([1, 2, 3].map((i) => c.act(update(`C${i}`))))]);
    const bWrote = fromB.every((r) => r.ok);
    const cWrote = fromC.every((r) => r.ok);
    expect([bWrote, cWrote].filter(Boolean)).toHaveLength(1);
    const loser = bWrote ? fromC : fromB;
    expect(loser.every((r) => !r.ok && r.error.kind === 'taken-over')).toBe(true);
    expect((bWrote ? c : b).lost).toBe(true);

    const log = await storedLog('race2');
    expectWellFormed(log);
    expect(updatesIn(log)).toEqual(['A0', ...[1, 2, 3].map((i) => `${bWrote ? 'B' : 'C'}${i}`)]);
    const attempt = await store.db.attempts.get('race2');
    expect(attempt?.owner).toBe(bWrote ? 'tab-b' : 'tab-c');
  });
});
