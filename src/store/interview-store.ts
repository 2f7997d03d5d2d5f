/**
 * Interviews: set up with a passphrase, played by the candidate, scored for the interviewer
 * only. The candidate's tab can seal (encrypt to the interview's public key) but never open.
 * See docs/decisions.md ("Interview mode") for the threat model.
 */
import type { LoadedScenario } from '../scenario/loader.ts';
import type { LogEntry } from '../engine/attempt-log.ts';
import { RUBRIC_VERSION } from '../scoring/rubric.ts';
import { DIMENSIONS, type Dimension, type Scorecard } from '../scoring/scorecard.ts';
import { score } from '../scoring/score.ts';
import { toTranscript } from '../engine/transcript.ts';
import type { AttemptStore, StoreResult } from './attempt-store.ts';
import { describeStoreError } from './attempt-store.ts';
import type { AttemptRecord, InterviewRecord, InterviewTemplateRecord } from './db.ts';
import { ExerciseSession } from './exercise-session.ts';
import { createInterviewKey, seal, unlockInterviewKey, unseal, WrongPassphraseError, type InterviewKeyMaterial } from './interview-crypto.ts';
import type { SealedResult } from '../scoring/interview-comparison.ts';
import { adjustmentProblem } from '../engine/facilitator.ts';

export type Weights = Record<Dimension, number>;

/** A note the interviewer wrote, once unsealed. */
export interface InterviewNote {
  readonly at: string;
  readonly text: string;
}

/** An interviewer's change to a dimension's score, once unsealed; a reason is required. */
export interface InterviewAdjustment {
  readonly at: string;
  readonly dimension: Dimension;
  readonly points: number;
  readonly reason: string;
}

/** Everything the interviewer sees once the passphrase is given. Lives in page memory only. */
export interface UnlockedInterview {
  readonly interview: InterviewRecord;
  readonly attempt: AttemptRecord;
  readonly privateKey: CryptoKey;
  readonly notes: readonly InterviewNote[];
  readonly adjustments: readonly InterviewAdjustment[];
  /** The results sealed when the RCA was submitted, if it was. */
  /** The scorecard the candidate's tab sealed at the end, with the rubric version it was scored under. */
  readonly sealedResult: SealedResult | undefined;
}

const nowIso = (): string => new Date().toISOString();

export type UnlockResult = StoreResult<UnlockedInterview> | { readonly ok: false; readonly error: { readonly kind: 'wrong-passphrase'; readonly message: string } };

const notFound = (attemptId: string) => ({ ok: false, error: { kind: 'not-found', message: `There is no interview "${attemptId}" in this browser.` } }) as const;

/** Checks the weights an interviewer typed: whole numbers 0–100, not all zero. */
export function weightsProblem(weights: Weights): string | undefined {
  for (const d of DIMENSIONS) {
    const w = weights[d];
    if (!Number.isInteger(w) || w < 0 || w > 100) return `The ${d} weight must be a whole number from 0 to 100.`;
  }
  if (DIMENSIONS.every((d) => weights[d] === 0)) return 'At least one weight must be above 0.';
  return undefined;
}

/**
 * Sets up an interview: a key pair for the passphrase, the interview row, and the attempt
 * (mode 'interview', the candidate as trainee, the weights in the log's start entry).
 */
export async function startInterview(
  store: AttemptStore,
  scenario: LoadedScenario,
  options: { id: string; seed: number; owner: string; candidate: string; weights: Weights; passphrase: string },
): Promise<StoreResult<ExerciseSession>> {
  let key: InterviewKeyMaterial;
  try {
    key = await createInterviewKey(options.passphrase);
  } catch (error) {
    // No WebCrypto (a page served over plain http from another machine), or a passphrase too short.
    const reason = typeof globalThis.crypto?.subtle === 'undefined' ? 'this browser offers no encryption here: open the app over https or on localhost' : error instanceof Error ? error.message : String(error);
    return { ok: false, error: { kind: 'failed', message: `The interview was not set up: ${reason}` } };
  }
  const record: InterviewRecord = {
    attemptId: options.id,
    candidate: options.candidate.trim(),
    scenarioId: scenario.spec.id,
    weights: { ...options.weights },
    rubricVersion: RUBRIC_VERSION,
    createdAt: nowIso(),
    key,
    notes: [],
    adjustments: [],
  };
  try {
    await store.db.interviews.add(record);
  } catch (error) {
    return { ok: false, error: describeStoreError(error) };
  }
  const started = await ExerciseSession.start(store, scenario, { id: options.id, mode: 'interview', seed: options.seed, owner: options.owner, trainee: record.candidate, weights: record.weights });
  if (!started.ok) await store.db.interviews.delete(options.id).catch(() => undefined);
  return started;
}

export async function getInterview(store: AttemptStore, attemptId: string): Promise<InterviewRecord | undefined> {
  return store.db.interviews.get(attemptId);
}

export async function listInterviews(store: AttemptStore, scenarioId?: string): Promise<InterviewRecord[]> {
  const rows = scenarioId === undefined ? await store.db.interviews.toArray() : await store.db.interviews.where('scenarioId').equals(scenarioId).toArray();
  return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Seals the scorecard into the interview row, once (the candidate's tab, after the RCA). */
export async function sealResults(store: AttemptStore, attemptId: string, card: Scorecard): Promise<StoreResult<boolean>> {
  try {
    const row = await store.db.interviews.get(attemptId);
    if (!row || row.results) return { ok: true, value: false };
    const results = await seal(row.key.publicKey, { card, rubricVersion: RUBRIC_VERSION } satisfies SealedResult);
    // Encrypting is asynchronous work outside any transaction; the check that nothing was sealed
    // meanwhile (a second tab, a second effect run) and the write are one transaction.
    return {
      ok: true,
      value: await store.db.transaction('rw', store.db.interviews, async () => {
        const fresh = await store.db.interviews.get(attemptId);
        if (!fresh || fresh.results) return false;
        await store.db.interviews.update(attemptId, { results });
        return true;
      }),
    };
  } catch (error) {
    return { ok: false, error: describeStoreError(error) };
  }
}

/**
 * Opens an interview with its passphrase. A wrong passphrase is an answer, not a failure:
 * `{ ok: false, error: { kind: 'wrong-passphrase' } }`, and nothing changes.
 */
export async function unlockInterview(store: AttemptStore, attemptId: string, passphrase: string): Promise<UnlockResult> {
  try {
    const interview = await store.db.interviews.get(attemptId);
    if (!interview) return notFound(attemptId);
    let privateKey: CryptoKey;
    try {
      privateKey = await unlockInterviewKey(interview.key, passphrase);
    } catch (error) {
      if (error instanceof WrongPassphraseError) return { ok: false, error: { kind: 'wrong-passphrase', message: 'Wrong passphrase' } };
      throw error;
    }
    return await readUnlocked(store, attemptId, privateKey);
  } catch (error) {
    return { ok: false, error: describeStoreError(error) };
  }
}

/** Reads an interview with its unlocked key (again after a note or adjustment was added). */
export async function readUnlocked(store: AttemptStore, attemptId: string, privateKey: CryptoKey): Promise<StoreResult<UnlockedInterview>> {
  try {
    const interview = await store.db.interviews.get(attemptId);
    const attempt = await store.db.attempts.get(attemptId);
    if (!interview || !attempt) return notFound(attemptId);
    const notes = await Promise.all(interview.notes.map((box) => unseal<InterviewNote>(privateKey, box)));
    const adjustments = await Promise.all(interview.adjustments.map((box) => unseal<InterviewAdjustment>(privateKey, box)));
    const sealed = interview.results ? await unseal<SealedResult | Scorecard>(privateKey, interview.results) : undefined;
    // Results sealed before the rubric version was sealed with them were scored under the interview's own.
    const sealedResult = sealed === undefined ? undefined : 'card' in sealed ? sealed : { card: sealed, rubricVersion: interview.rubricVersion };
    return { ok: true, value: { interview, attempt, privateKey, notes, adjustments, sealedResult } };
  } catch (error) {
    return { ok: false, error: describeStoreError(error) };
  }
}

/** Seals one more item into the interview row's `notes` or `adjustments`. */
async function appendSealed(store: AttemptStore, attemptId: string, field: 'notes' | 'adjustments', value: InterviewNote | InterviewAdjustment): Promise<StoreResult<void>> {
  try {
    const row = await store.db.interviews.get(attemptId);
    if (!row) return notFound(attemptId);
    const box = await seal(row.key.publicKey, value);
    await store.db.transaction('rw', store.db.interviews, async () => {
      const fresh = await store.db.interviews.get(attemptId);
      if (fresh) await store.db.interviews.update(attemptId, field === 'notes' ? { notes: [...fresh.notes, box] } : { adjustments: [...fresh.adjustments, box] });
    });
    return { ok: true, value: undefined };
  } catch (error) {
    return { ok: false, error: describeStoreError(error) };
  }
}

export function addNote(store: AttemptStore, attemptId: string, text: string): Promise<StoreResult<void>> {
  return appendSealed(store, attemptId, 'notes', { at: nowIso(), text } satisfies InterviewNote);
}

export function addAdjustment(store: AttemptStore, attemptId: string, adjustment: Omit<InterviewAdjustment, 'at'>): Promise<StoreResult<void>> {
  const problem = adjustmentProblem(adjustment);
  if (problem) return Promise.resolve({ ok: false, error: { kind: 'failed', message: problem } });
  return appendSealed(store, attemptId, 'adjustments', { at: nowIso(), ...adjustment } satisfies InterviewAdjustment);
}

/**
 * The log the interviewer's scorecard is computed from: the attempt's log, plus each unsealed
 * adjustment as a `facilitator.adjust` entry and each note as a `facilitator.note` entry, at
 * the log's last moment. Exported as a transcript, it replays in the CLI to the same score.
 */
export function interviewerLog(log: readonly LogEntry[], notes: readonly InterviewNote[], adjustments: readonly InterviewAdjustment[]): LogEntry[] {
  const last = log.at(-1);
  const t = last?.t ?? 0;
  let seq = (last?.seq ?? -1) + 1;
  const extra: LogEntry[] = [
    ...notes.map((n) => ({ seq: seq++, t, type: 'facilitator.note', payload: { type: 'facilitator.note', text: n.text } }) as LogEntry),
    ...adjustments.map((a) => ({ seq: seq++, t, type: 'facilitator.adjust', payload: { type: 'facilitator.adjust', dimension: a.dimension, points: a.points, reason: a.reason } }) as LogEntry),
  ];
  return [...log, ...extra];
}

/** The interviewer's scorecard: score(scenario, log with the adjustments), the CLI's function. */
export function interviewScorecard(scenario: LoadedScenario, log: readonly LogEntry[], unlocked: Pick<UnlockedInterview, 'notes' | 'adjustments'>): Scorecard {
  return score(scenario, interviewerLog(log, [], unlocked.adjustments), 'interview');
}

/** The unlocked interview as a transcript file (weights header, notes and adjustments in the clear). */
export function interviewTranscript(attempt: AttemptRecord, log: readonly LogEntry[], unlocked: Pick<UnlockedInterview, 'notes' | 'adjustments'>): Record<string, unknown> {
  return toTranscript(interviewerLog(log, unlocked.notes, unlocked.adjustments), attempt.scenarioId, attempt.seed, attempt.mode);
}

export async function saveTemplate(store: AttemptStore, name: string, weights: Weights): Promise<StoreResult<void>> {
  try {
    await store.db.interviewTemplates.put({ name: name.trim(), weights: { ...weights }, savedAt: nowIso() });
    return { ok: true, value: undefined };
  } catch (error) {
    return { ok: false, error: describeStoreError(error) };
  }
}

export async function listTemplates(store: AttemptStore): Promise<InterviewTemplateRecord[]> {
  return store.db.interviewTemplates.orderBy('name').toArray();
}
