/**
 * The storage part of `npm run bench`, built by Vite like the app (minified, no dev server in
 * the way) and served by `vite preview`: the real AttemptStore writing to Chromium's IndexedDB.
 * bench/browser.ts calls `window.benchStorage` and reads what it returns.
 */
import { AttemptStore } from '../../src/store/attempt-store.ts';
import { loadScenario } from '../../src/scenario/loader.ts';
import { playActions, restoreFromLog, type TimedInput } from '../../src/engine/replay.ts';

export interface StorageRun {
  /** Milliseconds of each timed append (one entry per transaction). */
  readonly times: number[];
  /** Milliseconds of each resume: load the attempt from IndexedDB and rebuild it by replay. */
  readonly resumes: number[];
  readonly entries: number;
}

/** Appends written but not timed first: the database opening and the code warming up. */
const WARMUP = 20;

async function benchStorage({ text, actions, writes }: { text: string; actions: TimedInput[]; writes: number }): Promise<StorageRun> {
  const { scenario } = loadScenario(text, 'bench-storm.yaml', { limits: { maxChars: Infinity, maxTimelineEntries: Infinity } });
  if (!scenario) throw new Error('the storm scenario does not load');
  const exercise = playActions(scenario, actions, { seed: 1 });
  // At least 2,000 entries, cut between two instants so that replaying up to the last one gives exactly these.
  let cut = 2000;
  while (cut < exercise.log.length && exercise.log[cut]?.t === exercise.log[cut - 1]?.t) cut++;
  const full = exercise.log.slice(0, cut);
  const until = full.at(-1)?.t ?? 0;
  const store = new AttemptStore();
  const owner = 'bench';

  // Write p95: one entry per append, as the console writes each new entry before showing it.
  const created = await store.create(scenario, { id: `w${Date.now()}`, mode: 'practice', seed: 1, owner, log: full.slice(0, 1) });
  if (!created.ok) throw new Error(`create failed: ${created.error.message}`);
  const times: number[] = [];
  for (let i = 1; i <= writes + WARMUP; i++) {
    const entry = full[i];
    if (!entry) break;
    const start = performance.now();
    const written = await store.append(created.value.id, owner, [entry], { simTime: entry.t });
    if (i > WARMUP) times.push(performance.now() - start);
    if (!written.ok) throw new Error(`append failed: ${written.error.message}`);
  }

  // Resume: an attempt with 2,000 entries is loaded from IndexedDB and rebuilt by replaying it.
  const big = await store.create(scenario, { id: `r${Date.now()}`, mode: 'practice', seed: 1, owner, log: full });
  if (!big.ok) throw new Error(`create failed: ${big.error.message}`);
  await store.append(big.value.id, owner, [], { simTime: until });
  const resumes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const loaded = await store.load(big.value.id);
    if (!loaded.ok) throw new Error(`load failed: ${loaded.error.message}`);
    const restored = restoreFromLog(scenario, loaded.value.log, Math.max(loaded.value.attempt.simTime, until));
    if (restored.mismatch) throw new Error(`resume mismatch: ${restored.mismatch}`);
    resumes.push(performance.now() - start);
  }
  return { times, resumes, entries: full.length };
}

declare global {
  interface Window {
    benchStorage?: typeof benchStorage;
  }
}
window.benchStorage = benchStorage;
