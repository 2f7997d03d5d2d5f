// A database written by the previous Dexie version (4), with real attempts played by that
// version's own code (test/fixtures/make-db-v4.ts, dumped to test/fixtures/db-v4.json), opened
// by the current DrillDatabase: nothing is lost, and every attempt replays and scores the same.
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DrillDatabase } from '../../src/store/db.ts';
import { AttemptStore } from '../../src/store/attempt-store.ts';
import { ExerciseSession } from '../../src/store/exercise-session.ts';
import { restoreFromLog } from '../../src/engine/replay.ts';
import { score } from '../../src/scoring/score.ts';
import { checkScenario } from '../../src/engine/check-scenario.ts';

interface Dump {
  readonly version: number;
  readonly scenarioFiles: Record<string, string>;
  readonly tables: Record<string, Record<string, unknown>[]>;
}
const dump = JSON.parse(readFileSync(new URL('../fixtures/db-v4.json', import.meta.url), 'utf8')) as Dump;
// The scenario files as they were when the attempts were played (stored in the fixture).
const scenarios = new Map(
  Object.entries(dump.scenarioFiles).map(([id, text]) => {
    const { scenario } = checkScenario(text, `${id}.yaml`);
    if (!scenario) throw new Error(`the fixture's ${id}.yaml no longer passes the checker`);
    return [id, scenario];
  }),
);
const byKey = (key: (row: Record<string, unknown>) => string) => (a: Record<string, unknown>, b: Record<string, unknown>) => key(a).localeCompare(key(b));
const logKey = (row: Record<string, unknown>) => `${String(row.attemptId)}:${String(row.seq).padStart(6, '0')}`;

/** The version-4 schema exactly as the app declared it (src/store/db.ts at commit 27b9a85). */
async function restoreVersion4(name: string): Promise<void> {
  const v4 = new Dexie(name);
  v4.version(1).stores({ attempts: 'id, scenarioId, status, updatedAt', logEntries: '[attemptId+seq], attemptId' });
  v4.version(2).stores({ drafts: 'key' });
  v4.version(3).stores({ attempts: 'id, scenarioId, status, updatedAt, trainee' });
  v4.version(4).stores({ scenarios: 'hash, scenarioId' });
  await v4.open();
  for (const [table, rows] of Object.entries(dump.tables)) await v4.table(table).bulkAdd(rows);
  v4.close();
}

describe('upgrading a stored version-4 database', () => {
  it('the fixture holds real version-4 data: scored and in-progress attempts, their logs, drafts and imported scenarios', () => {
    expect(dump.version).toBe(4);
    const attempts = dump.tables.attempts ?? [];
    expect(attempts.map((a) => [a.id, a.status])).toEqual([['v4expert', 'scored'], ['v4partial', 'in-progress'], ['v4poor', 'scored']]);
    expect((dump.tables.logEntries ?? []).length).toBeGreaterThan(100);
    expect(dump.tables.drafts).toHaveLength(2);
    expect(dump.tables.scenarios).toHaveLength(2);
  });

  it('keeps every attempt, log entry, draft and imported scenario unchanged', async () => {
    await restoreVersion4('v4-upgrade-1');
    const db = new DrillDatabase('v4-upgrade-1');
    await db.open();
    expect(db.verno).toBe(5);
    expect((await db.table('attempts').toArray()).sort(byKey((r) => String(r.id)))).toEqual([...(dump.tables.attempts ?? [])].sort(byKey((r) => String(r.id))));
    expect((await db.table('logEntries').toArray()).sort(byKey(logKey))).toEqual([...(dump.tables.logEntries ?? [])].sort(byKey(logKey)));
    expect(await db.drafts.toArray()).toEqual(dump.tables.drafts);
    expect((await db.table('scenarios').toArray()).sort(byKey((r) => String(r.hash)))).toEqual([...(dump.tables.scenarios ?? [])].sort(byKey((r) => String(r.hash))));
    expect(await db.interviews.count()).toBe(0);
    db.close();
  });

  it('every attempt replays to exactly its stored log and scores what version 4 stored', async () => {
    await restoreVersion4('v4-upgrade-2');
    const store = new AttemptStore(new DrillDatabase('v4-upgrade-2'));
    const list = await store.list();
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value).toHaveLength(3);
    for (const attempt of list.value) {
      const scenario = scenarios.get(attempt.scenarioId);
      if (!scenario) throw new Error(`no scenario ${attempt.scenarioId}`);
      expect(scenario.hash, `${attempt.id} was played on this very scenario file`).toBe(attempt.scenarioHash);
      const loaded = await store.load(attempt.id);
      if (!loaded.ok) throw new Error(loaded.error.message);
      const { log } = loaded.value;
      expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i));
      const restored = restoreFromLog(scenario, log, attempt.simTime);
      expect(restored.mismatch, attempt.id).toBeUndefined();
      if (attempt.status === 'scored') expect(score(scenario, log, attempt.mode).total, attempt.id).toBe(attempt.total);
    }
  });

  it('an in-progress version-4 attempt resumes in a new tab and goes on being stored', async () => {
    await restoreVersion4('v4-upgrade-3');
    const store = new AttemptStore(new DrillDatabase('v4-upgrade-3'));
    const scenario = scenarios.get('dhcp-scope-exhaustion');
    if (!scenario) throw new Error('no scenario');
    expect((await store.takeOwnership('v4partial', 'tab-new')).ok).toBe(true);
    const resumed = await ExerciseSession.resume(store, scenario, 'v4partial', 'tab-new');
    if (!resumed.ok) throw new Error(resumed.error.message);
    const { session, mismatch } = resumed.value;
    expect(mismatch).toBeUndefined();
    expect(session.speed).toBe(5);
    const before = session.log.length;
    const acted = await session.act({ type: 'hint.take' });
    expect(acted.ok).toBe(true);
    const stored = await store.load('v4partial');
    expect(stored.ok && stored.value.log.length).toBe(before + 1);
    expect(await store.loadDraft('v4partial:update')).toBe('Investigating the DHCP scope');
  });
});
