/**
 * The browser database (IndexedDB through Dexie).
 * PERSISTED SHAPES: AttemptRecord and LogEntryRecord are stored on people's machines.
 * Changing a field or an index needs a new `this.version(n)` with an upgrade, a migration
 * test in test/unit/store.test.ts, and a line in docs/storage.md.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Mode } from '../engine/check-action.ts';
import type { LogEntry } from '../engine/attempt-log.ts';
import type { Dimension } from '../scoring/scorecard.ts';
import type { InterviewKeyMaterial, SealedBox } from './interview-crypto.ts';

export const UNNAMED_TRAINEE = 'Unnamed trainee';

export type AttemptStatus = 'in-progress' | 'resolved' | 'scored';

export interface AttemptRecord {
  /** Random id, also the URL: /play/<id>. */
  readonly id: string;
  readonly scenarioId: string;
  /** sha-256 of the scenario file the attempt was played on. */
  readonly scenarioHash: string;
  readonly scenarioTitle: string;
  readonly mode: Mode;
  readonly seed: number;
  settings: { speed: number };
  status: AttemptStatus;
  /** Simulated ms reached: a reload resumes here, paused. */
  simTime: number;
  /** Wall-clock ISO times, for the attempt list only; the core never sees them. */
  readonly createdAt: string;
  updatedAt: string;
  /** The tab that may write to this attempt; another tab must take over first. */
  owner: string;
  total?: number;
  /** Who played it: a name picked or typed on the library page (no accounts). */
  trainee: string;
  /**
   * Tabletop mode: the people in the room, as typed when the attempt was started. Not indexed,
   * so no new Dexie version: attempts without it simply have none.
   */
  participants?: readonly string[];
}

export interface LogEntryRecord {
  readonly attemptId: string;
  readonly seq: number;
  readonly t: number;
  readonly type: LogEntry['type'];
  readonly payload: LogEntry['payload'];
}

/** Unsubmitted form text (the RCA being written, an update being typed), so closing the tab loses nothing. */
export interface DraftRecord {
  /** `<attemptId>:<form>`, e.g. `k3x9:rca`. */
  readonly key: string;
  readonly value: unknown;
  readonly savedAt: string;
}

/** A scenario file imported in the browser, kept verbatim so it exports back as the same file. */
export interface ImportedScenarioRecord {
  /** sha-256 of the text: the same file imported twice is stored once. */
  readonly hash: string;
  readonly fileName: string;
  readonly text: string;
  /** The scenario id when the file is valid; drafts with errors have none and cannot be started. */
  readonly scenarioId: string | undefined;
  readonly savedAt: string;
}

/** An interview (since v5): the attempt's candidate, weights and key; everything for the interviewer sealed. */
export interface InterviewRecord {
  /** The interview attempt's id (mode 'interview'). */
  readonly attemptId: string;
  readonly candidate: string;
  readonly scenarioId: string;
  /** The weights the attempt is scored with (also in its log's start entry). */
  readonly weights: Readonly<Record<Dimension, number>>;
  /** The rubric version in force when the interview was set up. */
  readonly rubricVersion: string;
  readonly createdAt: string;
  /** Public key in the clear, private key wrapped with the passphrase. */
  readonly key: InterviewKeyMaterial;
  /** The scorecard, sealed when the RCA was submitted. */
  results?: SealedBox;
  /** Interviewer notes, each sealed: { at, text }. */
  notes: SealedBox[];
  /** Interviewer adjustments, each sealed: { at, dimension, points, reason }. */
  adjustments: SealedBox[];
}

/** Interview weights saved under a name, to apply to the next interview (since v5). */
export interface InterviewTemplateRecord {
  readonly name: string;
  readonly weights: Readonly<Record<Dimension, number>>;
  readonly savedAt: string;
}

export class DrillDatabase extends Dexie {
  interviews!: EntityTable<InterviewRecord, 'attemptId'>;
  interviewTemplates!: EntityTable<InterviewTemplateRecord, 'name'>;
  scenarios!: EntityTable<ImportedScenarioRecord, 'hash'>;
  attempts!: EntityTable<AttemptRecord, 'id'>;
  logEntries!: EntityTable<LogEntryRecord, 'seq'>;
  drafts!: EntityTable<DraftRecord, 'key'>;

  constructor(name = 'incident-drill') {
    super(name);
    // Version 1. Log entries are keyed by [attemptId+seq]: the sequence number is the log's
    // order, so a duplicate write of the same entry fails instead of doubling it.
    this.version(1).stores({
      attempts: 'id, scenarioId, status, updatedAt',
      logEntries: '[attemptId+seq], attemptId',
    });
    // Version 2 adds form drafts. Existing tables are unchanged, so there is nothing to upgrade.
    this.version(2).stores({ drafts: 'key' });
    // Version 3 records who played each attempt, for the history page. Attempts stored before
    // it get the name "Unnamed trainee".
    this.version(3)
      .stores({ attempts: 'id, scenarioId, status, updatedAt, trainee' })
      .upgrade((tx) =>
        tx
          .table('attempts')
          .toCollection()
          .modify((attempt: { trainee?: string }) => {
            attempt.trainee ??= UNNAMED_TRAINEE;
          }),
      );
    // Version 4 adds scenarios imported in the browser (a new table: nothing to upgrade).
    this.version(4).stores({ scenarios: 'hash, scenarioId' });
    // Version 5 adds interviews (keys and sealed results) and weight templates: new tables, nothing to upgrade.
    this.version(5).stores({ interviews: 'attemptId, scenarioId, createdAt', interviewTemplates: 'name' });
  }
}

export const toLogEntry = (record: LogEntryRecord): LogEntry => ({ seq: record.seq, t: record.t, type: record.type, payload: record.payload }) as LogEntry;
export const toRecord = (attemptId: string, entry: LogEntry): LogEntryRecord => ({ attemptId, seq: entry.seq, t: entry.t, type: entry.type, payload: entry.payload });
