import { beforeEach, describe, expect, it } from 'vitest';
import { DrillDatabase } from '../../src/store/db.ts';
import { AttemptStore } from '../../src/store/attempt-store.ts';
import { ExerciseSession } from '../../src/store/exercise-session.ts';
import { deriveView } from '../../src/engine/exercise-view.ts';
import { flagship, time } from '../support/exercise-driver.ts';
import { failLogWrites } from '../support/storage-faults.ts';

const scenario = flagship();
let dbCount = 0;
let store: AttemptStore;

beforeEach(() => {
  store = new AttemptStore(new DrillDatabase(`test-${++dbCount}`));
});

async function started(owner = 'tab-a') {
  const result = await ExerciseSession.start(store, scenario, { id: `attempt-${dbCount}`, mode: 'practice', seed: 11, owner });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function play(session: ExerciseSession, seconds: number) {
  session.paused = false;
  await session.tick(seconds * 1000);
  await session.setPaused(true);
}

describe('the attempt store', () => {
  it('declares version 5: attempts, log entries, drafts, imported scenarios, interviews and their templates, with their indexes', async () => {
    const db = store.db;
    await db.open();
    expect(db.verno).toBe(5);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['attempts', 'drafts', 'interviewTemplates', 'interviews', 'logEntries', 'scenarios']);
    expect(db.interviews.schema.primKey.name).toBe('attemptId');
    expect(db.interviews.schema.indexes.map((i) => i.name).sort()).toEqual(['createdAt', 'scenarioId']);
    expect(db.attempts.schema.indexes.map((i) => i.name).sort()).toEqual(['scenarioId', 'status', 'trainee', 'updatedAt']);
    expect(db.logEntries.schema.primKey.name).toBe('[attemptId+seq]');
  });

  it('stores every entry as it happens and resumes at the same simulated moment, paused, at the same speed', async () => {
    const session = await started();
    await play(session, 150);
    expect((await session.act({ type: 'evidence.request', source: 'signin-logs' })).ok).toBe(true);
    await play(session, 200);
    expect((await session.act({ type: 'escalation.send', to: 'iam', note: 'SAML failures since 08:40', evidence: ['signin-logs'] })).ok).toBe(true);

    await session.setSpeed(5);
    const stored = await store.load(session.attempt.id);
    if (!stored.ok) throw new Error(stored.error.message);
    expect(stored.value.log).toEqual(session.log);
    expect(stored.value.attempt.simTime).toBe(time('5m50s'));

    const reopened = await ExerciseSession.resume(store, scenario, session.attempt.id, 'tab-a');
    if (!reopened.ok) throw new Error(reopened.error.message);
    const { session: again, mismatch } = reopened.value;
    expect(mismatch).toBeUndefined();
    expect(again.paused).toBe(true);
    expect(again.speed).toBe(session.speed);
    expect(again.now).toBe(session.now);
    expect(again.log).toEqual(session.log);
    expect(deriveView(scenario, again.log, again.engine.now)).toEqual(deriveView(scenario, session.log, session.engine.now));
  });

  it('moves the clock in whole simulated seconds at the chosen speed', async () => {
    const session = await started();
    await session.setSpeed(10);
    session.paused = false;
    await session.tick(250);
    await session.tick(250);
    expect(session.now).toBe(5000);
    await session.tick(1030);
    expect(session.now).toBe(15_000);
  });

  it('does not apply an action whose write fails, and says why', async () => {
    const session = await started();
    await play(session, 60);
    const before = session.log;
    failLogWrites();
    const result = await session.act({ type: 'incident.declare-major' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('quota');
      expect(result.error.message).toMatch(/out of storage space.*not saved/);
    }
    expect(session.error?.kind).toBe('quota');
    expect(session.log).toEqual(before);
    expect(session.engine.view().majorDeclaredAt).toBeUndefined();
    const stored = await store.load(session.attempt.id);
    expect(stored.ok && stored.value.log).toEqual(before);
  });

  it('lets only one tab write: the one that took the attempt over', async () => {
    const first = await started('tab-a');
    const taken = await store.takeOwnership(first.attempt.id, 'tab-b');
    expect(taken.ok).toBe(true);
    const result = await first.act({ type: 'bridge.open' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('taken-over');
    expect(first.lost).toBe(true);
    const stored = await store.load(first.attempt.id);
    expect(stored.ok && stored.value.log.some((e) => e.type === 'bridge.open')).toBe(false);
  });

  it('writes nothing for an attempt that is gone: the entries sent with the owner check are rolled back', async () => {
    const first = await started('tab-a');
    const stored = await store.load(first.attempt.id);
    if (!stored.ok) throw new Error(stored.error.message);
    const next = { ...stored.value.log.at(-1)!, seq: stored.value.log.length };
    const written = await store.append('no-such-attempt', 'tab-a', [next], { simTime: 0 });
    expect(written.ok).toBe(false);
    expect(await store.db.logEntries.where('attemptId').equals('no-such-attempt').count()).toBe(0);
  });

  it('reopens the database and carries on when the browser dropped its connection', async () => {
    const session = await started('tab-a');
    store.db.backendDB().close();
    const result = await session.act({ type: 'bridge.open' });
    expect(result.ok).toBe(true);
    const stored = await store.load(session.attempt.id);
    expect(stored.ok && stored.value.log.some((e) => e.type === 'bridge.open')).toBe(true);
  });

  it('tells a taken-over tab so even when its write would have failed anyway', async () => {
    const session = await started('tab-a');
    expect((await store.takeOwnership(session.attempt.id, 'tab-b')).ok).toBe(true);
    failLogWrites();
    const result = await session.act({ type: 'bridge.open' });
    expect(!result.ok && result.error.kind).toBe('taken-over');
  });

  it('lists attempts with their status and keeps the score once the RCA is in', async () => {
    const session = await started();
    await session.act({ type: 'escalation.send', to: 'iam', note: 'x', evidence: [] });
    await session.act({ type: 'mitigation.apply', mitigation: 'rollback-chg-4411' });
    await play(session, 15 * 60);
    expect((await session.act({ type: 'incident.resolve', summary: 'Restored' })).ok).toBe(true);
    let list = await store.list();
    expect(list.ok && list.value[0]?.status).toBe('resolved');
    await session.act({ type: 'rca.submit', rca: { proximateCause: 'a', rootCause: 'b', contributingFactors: [], actions: [] } });
    list = await store.list();
    expect(list.ok && list.value[0]).toMatchObject({ status: 'scored', total: session.scorecard().total });
  });
});

describe('database versions', () => {
  it('upgrades a version-1 database to the current version without losing its attempts and log', async () => {
    const { default: Dexie } = await import('dexie');
    const name = `migrate-${++dbCount}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ attempts: 'id, scenarioId, status, updatedAt', logEntries: '[attemptId+seq], attemptId' });
    await v1.table('attempts').add({ id: 'old1', scenarioId: 'sso-outage-monday', status: 'scored', updatedAt: 'x', owner: '', total: 77 });
    await v1.table('logEntries').bulkAdd([0, 1, 2].map((seq) => ({ attemptId: 'old1', seq, t: seq * 1000, type: 'x', payload: {} })));
    v1.close();

    const db = new DrillDatabase(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.attempts.get('old1')).toMatchObject({ status: 'scored', total: 77, trainee: 'Unnamed trainee' });
    expect(await db.logEntries.where('attemptId').equals('old1').count()).toBe(3);
    const upgraded = new AttemptStore(db);
    await upgraded.saveDraft('old1:rca', { rootCause: 'draft' });
    expect(await upgraded.loadDraft('old1:rca')).toEqual({ rootCause: 'draft' });
  });
});

describe('database version 3', () => {
  it('names the trainee of attempts stored before names existed', async () => {
    const { default: Dexie } = await import('dexie');
    const name = `migrate3-${++dbCount}`;
    const v2 = new Dexie(name);
    v2.version(1).stores({ attempts: 'id, scenarioId, status, updatedAt', logEntries: '[attemptId+seq], attemptId' });
    v2.version(2).stores({ drafts: 'key' });
    await v2.table('attempts').add({ id: 'old2', scenarioId: 'sso-outage-monday', status: 'in-progress', updatedAt: 'x', owner: '' });
    v2.close();
    const db = new DrillDatabase(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect((await db.attempts.get('old2'))?.trainee).toBe('Unnamed trainee');
    expect(await db.attempts.where('trainee').equals('Unnamed trainee').count()).toBe(1);
  });
});

describe('imported scenarios (version 4)', () => {
  it('keeps one file per scenario id, verbatim, and deletes on request', async () => {
    const base = { fileName: 'x.yaml', savedAt: 'now' };
    expect((await store.saveScenario({ ...base, hash: 'h1', text: 'id: a # v1', scenarioId: 'a' })).ok).toBe(true);
    await store.saveScenario({ ...base, hash: 'h2', text: 'id: a # v2', scenarioId: 'a' });
    await store.saveScenario({ ...base, hash: 'h3', text: 'broken: [', scenarioId: undefined });
    const list = await store.listScenarios();
    expect(list.ok && list.value.map((s) => s.text).sort()).toEqual(['broken: [', 'id: a # v2']);
    await store.deleteScenario('h3');
    const after = await store.listScenarios();
    expect(after.ok && after.value.map((s) => s.hash)).toEqual(['h2']);
  });
});

describe('database version 5 (interviews)', () => {
  it('opens a version-4 database with real rows, keeps them, and adds empty interview tables', async () => {
    const { default: Dexie } = await import('dexie');
    const name = `migrate5-${++dbCount}`;
    const v4 = new Dexie(name);
    v4.version(1).stores({ attempts: 'id, scenarioId, status, updatedAt', logEntries: '[attemptId+seq], attemptId' });
    v4.version(2).stores({ drafts: 'key' });
    v4.version(3).stores({ attempts: 'id, scenarioId, status, updatedAt, trainee' });
    v4.version(4).stores({ scenarios: 'hash, scenarioId' });
    const session = await started();
    await play(session, 60);
    const attempt = await store.db.attempts.get(session.attempt.id);
    const log = await store.db.logEntries.where('attemptId').equals(session.attempt.id).toArray();
    await v4.table('attempts').add({ ...attempt, mode: 'interview', trainee: 'Candidate A' });
    await v4.table('logEntries').bulkAdd(log);
    await v4.table('drafts').add({ key: `${session.attempt.id}:rca`, value: { rootCause: 'x' }, savedAt: 'now' });
    await v4.table('scenarios').add({ hash: 'h1', fileName: 'a.yaml', text: 'id: a', scenarioId: 'a', savedAt: 'now' });
    v4.close();

    const db = new DrillDatabase(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.attempts.get(session.attempt.id)).toMatchObject({ mode: 'interview', trainee: 'Candidate A', status: 'in-progress' });
    expect(await db.logEntries.where('attemptId').equals(session.attempt.id).count()).toBe(log.length);
    expect(await db.drafts.count()).toBe(1);
    expect(await db.scenarios.get('h1')).toMatchObject({ scenarioId: 'a' });
    expect(await db.interviews.count()).toBe(0);
    expect(await db.interviewTemplates.count()).toBe(0);
    const reopened = new AttemptStore(db);
    const loaded = await reopened.load(session.attempt.id);
    expect(loaded.ok && loaded.value.log).toEqual(session.log);
  });
});
