import { DrillDatabase, toLogEntry, toRecord, UNNAMED_TRAINEE, type AttemptRecord, type AttemptStatus, type ImportedScenarioRecord, type LogEntryRecord } from './db.ts';
import type { LogEntry } from '../engine/attempt-log.ts';
import type { Mode } from '../engine/check-action.ts';
import type { LoadedScenario } from '../scenario/loader.ts';

/** A failure the user must hear about: nothing was stored, and why, in their words. */
export interface StoreError {
  readonly kind: 'taken-over' | 'quota' | 'unavailable' | 'not-found' | 'failed';
  readonly message: string;
}

export type StoreResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: StoreError };

const ok = <T>(value: T): StoreResult<T> => ({ ok: true, value });

/** Turns whatever IndexedDB threw into words for the trainee. */
export function describeStoreError(error: unknown): StoreError {
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (error instanceof TakenOverError) return { kind: 'taken-over', message: error.message };
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return { kind: 'quota', message: 'Your browser is out of storage space for this site, so the last action was not saved. Free some space (or clear old attempts) and try again.' };
  }
  if (name === 'MissingAPIError' || name === 'InvalidStateError' || name === 'OpenFailedError' || name === 'DatabaseClosedError' || inner === 'InvalidStateError') {
    return { kind: 'unavailable', message: 'This browser will not let the app store data (private browsing, or storage is blocked for this site), so attempts cannot be saved here. Use a normal window, or allow storage for this site, to play and keep attempts.' };
  }
  return { kind: 'failed', message: `The last action could not be saved (${error instanceof Error ? error.message : String(error)}). It has not been applied; try again.` };
}

export class TakenOverError extends Error {
  constructor() {
    super('This attempt was opened in another tab or window, which now has control. Nothing more is saved from here.');
    this.name = 'TakenOverError';
  }
}

const nowIso = (): string => new Date().toISOString();

/**
 * `append` in plain IndexedDB. It runs for every action and every simulated second, and Dexie's
 * promise machinery around a transaction doubled its time (docs/performance.md, decision 34);
 * the tables, records and rules are the same as everywhere else. One transaction: the owner
 * check (a read) and the new entries are sent together, the attempt row is then written from
 * what was read, and anything wrong aborts the whole transaction, entries included. Requests run
 * in order, so the owner check is judged before an entry can clash with one the new owner wrote:
 * a tab that was taken over hears that, not "try again".
 */
function appendInOneTransaction(idb: IDBDatabase, attemptId: string, owner: string, records: readonly LogEntryRecord[], change: (attempt: AttemptRecord) => AttemptRecord): Promise<void> {
  return new Promise((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = idb.transaction(['attempts', 'logEntries'], 'readwrite');
    } catch (error) {
      // The browser closed the connection under Dexie (it may not have noticed yet).
      reject(error instanceof DOMException && error.name === 'InvalidStateError' ? new ConnectionLostError(error) : error);
      return;
    }
    let failure: unknown;
    const fail = (error: unknown) => {
      failure ??= error;
      try {
        tx.abort();
      } catch {
        // Already aborting or finished: the abort handler reports `failure`.
      }
    };
    // An add that throws at once (a bad key, a full disk in some browsers) is reported after the
    // owner check, like one that fails later.
    let refusedAdd: unknown;
    tx.oncomplete = () => resolve();
    // A failed request aborts the transaction; so does `fail`. Either way nothing was written.
    tx.onabort = () => reject(failure ?? refusedAdd ?? tx.error ?? new Error('the write was abandoned'));
    const attempts = tx.objectStore('attempts');
    const read = attempts.get(attemptId);
    read.onsuccess = () => {
      const attempt = read.result as AttemptRecord | undefined;
      if (!attempt) return fail(new Error('the attempt no longer exists'));
      if (attempt.owner !== owner) return fail(new TakenOverError());
      if (refusedAdd !== undefined) return fail(refusedAdd);
      try {
        attempts.put(change(attempt));
      } catch (error) {
        fail(error);
      }
    };
    try {
      const log = tx.objectStore('logEntries');
      for (const record of records) log.add(record);
    } catch (error) {
      refusedAdd = error;
    }
  });
}

/** `idb.transaction` refused: the connection Dexie held is closing or closed. */
class ConnectionLostError extends Error {
  constructor(readonly inner: DOMException) {
    super(inner.message);
    this.name = 'ConnectionLostError';
  }
}

/** Every read and write of attempts goes through here; each write is one transaction. */
export class AttemptStore {
  constructor(readonly db: DrillDatabase = new DrillDatabase()) {}

  async create(scenario: LoadedScenario, options: { id: string; mode: Mode; seed: number; owner: string; log: readonly LogEntry[]; trainee?: string; participants?: readonly string[] }): Promise<StoreResult<AttemptRecord>> {
    const record: AttemptRecord = {
      id: options.id,
      scenarioId: scenario.spec.id,
      scenarioHash: scenario.hash,
      scenarioTitle: scenario.spec.title,
      mode: options.mode,
      seed: options.seed,
      settings: { speed: 1 },
      status: 'in-progress',
      simTime: 0,
      createdAt: nowIso(),
      updatedAt: nowIso(),
      owner: options.owner,
      trainee: options.trainee?.trim() || UNNAMED_TRAINEE,
      ...(options.participants && options.participants.length > 0 ? { participants: [...options.participants] } : {}),
    };
    try {
      await this.db.transaction('rw', this.db.attempts, this.db.logEntries, async () => {
        await this.db.attempts.add(record);
        await this.db.logEntries.bulkAdd(options.log.map((entry) => toRecord(record.id, entry)));
      });
      return ok(record);
    } catch (error) {
      return { ok: false, error: describeStoreError(error) };
    }
  }

  /**
   * Appends entries and moves the attempt's clock, atomically, but only while `owner` still
   * owns the attempt: a tab that was taken over can never write again.
   */
  async append(attemptId: string, owner: string, entries: readonly LogEntry[], patch: { simTime: number; status?: AttemptStatus; total?: number; settings?: AttemptRecord['settings'] }): Promise<StoreResult<void>> {
    const { simTime, status, total, settings } = patch;
    try {
      const records = entries.map((entry) => toRecord(attemptId, entry));
      const change = (attempt: AttemptRecord): AttemptRecord => ({
        ...attempt,
        simTime: Math.max(attempt.simTime, simTime),
        updatedAt: nowIso(),
        ...(status === undefined ? {} : { status }),
        ...(total === undefined ? {} : { total }),
        ...(settings === undefined ? {} : { settings }),
      });
      // Waits for an open (or upgrade) in progress; opens the database again after a close.
      await this.db.open();
      try {
        await appendInOneTransaction(this.db.backendDB(), attemptId, owner, records, change);
      } catch (error) {
        if (!(error instanceof ConnectionLostError)) throw error;
        // The browser dropped the connection: reopen once and try again, as Dexie itself does.
        this.db.close({ disableAutoOpen: false });
        await this.db.open();
        await appendInOneTransaction(this.db.backendDB(), attemptId, owner, records, change);
      }
      return ok(undefined);
    } catch (error) {
      return { ok: false, error: describeStoreError(error) };
    }
  }

  async load(attemptId: string): Promise<StoreResult<{ attempt: AttemptRecord; log: LogEntry[] }>> {
    try {
      const attempt = await this.db.attempts.get(attemptId);
      if (!attempt) return { ok: false, error: { kind: 'not-found', message: `There is no attempt "${attemptId}" in this browser.` } };
      const records = await this.db.logEntries.where('attemptId').equals(attemptId).sortBy('seq');
      return ok({ attempt, log: records.map(toLogEntry) });
    } catch (error) {
      return { ok: false, error: describeStoreError(error) };
    }
  }

  /** Makes `owner` the only tab allowed to write to the attempt. */
  async takeOwnership(attemptId: string, owner: string): Promise<StoreResult<void>> {
    try {
      const changed = await this.db.attempts.update(attemptId, { owner });
      return changed === 1 ? ok(undefined) : { ok: false, error: { kind: 'not-found', message: `There is no attempt "${attemptId}" in this browser.` } };
    } catch (error) {
      return { ok: false, error: describeStoreError(error) };
    }
  }

  /**
   * Stores an imported attempt and its log in one transaction: all of it or nothing. Keeps
   * the attempt's id unless this browser already has one by that id.
   */
  async importAttempt(attempt: Omit<AttemptRecord, 'owner' | 'updatedAt' | 'settings' | 'total' | 'trainee'> & { total?: number; trainee?: string }, log: readonly LogEntry[], newId: () => string): Promise<StoreResult<AttemptRecord>> {
    try {
      const record = await this.db.transaction('rw', this.db.attempts, this.db.logEntries, async () => {
        const taken = (await this.db.attempts.get(attempt.id)) !== undefined;
        const stored: AttemptRecord = { ...attempt, trainee: attempt.trainee ?? UNNAMED_TRAINEE, id: taken ? newId() : attempt.id, owner: '', updatedAt: nowIso(), settings: { speed: 1 } };
        await this.db.attempts.add(stored);
        await this.db.logEntries.bulkAdd(log.map((entry) => toRecord(stored.id, entry)));
        return stored;
      });
      return ok(record);
    } catch (error) {
      return { ok: false, error: describeStoreError(error) };
    }
  }

  /** Saves what a form holds right now; the newest save wins. */
  async saveDraft(key: string, value: unknown): Promise<StoreResult<void>> {
    try {
      await this.db.drafts.put({ key, value, savedAt: nowIso() });
      return ok(undefined);
    } catch (error) {
      return { ok: false, error: describeStoreError(error) };
    }
  }

  async loadDraft(key: string): Promise<unknown> {
    try {
      return (await this.db.drafts.get(key))?.value;
    } catch {
      return undefined;
    }
  }

  async deleteDraft(key: string): Promise<void> {
    try {
      await this.db.drafts.delete(key);
    } catch {
      // A draft that stays behind is harmless: it is only read back into an empty form.
    }
  }

  async saveScenario(record: ImportedScenarioRecord): Promise<StoreResult<void>> {
    try {
      await this.db.transaction('rw', this.db.scenarios, async () => {
        // One file per scenario id: a new version replaces the old one.
        if (record.scenarioId !== undefined) await this.db.scenarios.where('scenarioId').equals(record.scenarioId).delete();
        await this.db.scenarios.put(record);
      });
      return ok(undefined);
    } catch (error) {
      return { ok: false, error: describeStoreError(error) };
    }
  }

  async listScenarios(): Promise<StoreResult<ImportedScenarioRecord[]>> {
    try {
      return ok(await this.db.scenarios.toArray());
    } catch (error) {
      return { ok: false, error: describeStoreError(error) };
    }
  }

  async deleteScenario(hash: string): Promise<StoreResult<void>> {
    try {
      await this.db.scenarios.delete(hash);
      return ok(undefined);
    } catch (error) {
      return { ok: false, error: describeStoreError(error) };
    }
  }

  async list(): Promise<StoreResult<AttemptRecord[]>> {
    try {
      return ok(await this.db.attempts.orderBy('updatedAt').reverse().toArray());
    } catch (error) {
      return { ok: false, error: describeStoreError(error) };
    }
  }
}
