import type { LoadedScenario } from '../scenario/loader.ts';
import type { LogEntry } from '../engine/attempt-log.ts';
import type { TraineeAction } from '../engine/actions.ts';
import type { Mode } from '../engine/check-action.ts';
import { Exercise } from '../engine/exercise.ts';
import type { FacilitatorCommand } from '../engine/facilitator.ts';
import { clockTime, formatDuration } from '../scenario/duration.ts';
import { restoreFromLog } from '../engine/replay.ts';
import type { AttemptRecord, AttemptStatus } from './db.ts';
import type { AttemptStore, StoreError, StoreResult } from './attempt-store.ts';
import { score } from '../scoring/score.ts';

export type ActResult = { readonly ok: true; readonly entry: LogEntry } | { readonly ok: false; readonly error: StoreError };
/** A facilitator's command or clock jump: done (and stored), or refused / not saved, with the reason in words. */
export type FacilitateOutcome = { readonly ok: true; readonly entry: LogEntry } | { readonly ok: false; readonly reason: string };
export type JumpOutcome = { readonly ok: true; readonly t: number } | { readonly ok: false; readonly reason: string };

/**
 * One attempt being played in this tab: the engine plus its persistence. Every change the
 * engine makes is written to IndexedDB before anyone is told about it; if the write fails,
 * the engine is rebuilt from what was stored, so memory never runs ahead of the disk.
 * Writes are queued, so a clock tick and a click never interleave.
 */
export class ExerciseSession {
  private exercise: Exercise;
  private persisted: number;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  /** Simulated ms of real time not yet turned into whole simulated seconds. */
  private carry = 0;
  paused = true;
  speed = 1;
  /** Set when a write failed; the UI shows it until the next successful write. */
  error: StoreError | undefined;
  /** Another tab took this attempt over: nothing more is written from here. */
  lost = false;

  private constructor(
    readonly scenario: LoadedScenario,
    readonly attempt: AttemptRecord,
    exercise: Exercise,
    private readonly store: AttemptStore,
    private readonly owner: string,
  ) {
    this.exercise = exercise;
    this.persisted = exercise.log.length;
    this.speed = attempt.settings.speed;
  }

  /** Starts a new attempt and stores it before returning. */
  static async start(store: AttemptStore, scenario: LoadedScenario, options: { id: string; mode: Mode; seed: number; owner: string; trainee?: string; participants?: readonly string[]; weights?: Readonly<Record<string, number>> }): Promise<StoreResult<ExerciseSession>> {
    const exercise = new Exercise(scenario, { seed: options.seed, mode: options.mode, ...(options.weights ? { weights: options.weights } : {}) });
    const created = await store.create(scenario, { ...options, log: exercise.log });
    if (!created.ok) return created;
    return { ok: true, value: new ExerciseSession(scenario, created.value, exercise, store, options.owner) };
  }

  /** Reopens a stored attempt at its stored simulated time, paused, by replaying its log. */
  static async resume(store: AttemptStore, scenario: LoadedScenario, attemptId: string, owner: string): Promise<StoreResult<{ session: ExerciseSession; mismatch: string | undefined }>> {
    const loaded = await store.load(attemptId);
    if (!loaded.ok) return loaded;
    const { attempt, log } = loaded.value;
    const { exercise, mismatch } = restoreFromLog(scenario, log, attempt.simTime);
    const session = new ExerciseSession(scenario, attempt, exercise, store, owner);
    // Entries the replay produced beyond what was stored (none, unless the last write was cut short) get stored on the next write.
    session.persisted = Math.min(log.length, exercise.log.length);
    return { ok: true, value: { session, mismatch } };
  }

  get log(): readonly LogEntry[] {
    return this.exercise.log.slice(0, this.persisted);
  }

  get now(): number {
    return this.exercise.now;
  }

  get engine(): Exercise {
    return this.exercise;
  }

  /** Changes whenever what the UI shows changes; for useSyncExternalStore. */
  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Takes a trainee action now. Resolves once it is stored (or was refused and stored as a refusal). */
  act(action: TraineeAction): Promise<ActResult> {
    return this.enqueue(async () => {
      if (this.lost) return { ok: false, error: { kind: 'taken-over', message: 'This attempt is open in another tab; nothing is saved from here.' } };
      const entry = this.exercise.act(action);
      const saved = await this.flush();
      return saved.ok ? { ok: true, entry } : saved;
    });
  }

  /**
   * A facilitator's command (ad-hoc inject, note, score adjustment), taken at the current
   * simulated time. Like `act`: stored before anyone is told; a refused command is not logged.
   */
  facilitate(command: FacilitatorCommand): Promise<FacilitateOutcome> {
    return this.enqueue(async () => {
      if (this.lost) return { ok: false, reason: 'This attempt is open in another tab; nothing is saved from here.' };
      const result = this.exercise.facilitate(command);
      if (!result.ok) return result;
      const saved = await this.flush();
      return saved.ok ? { ok: true, entry: result.entry } : { ok: false, reason: saved.error.message };
    });
  }

  /** Moves the clock straight to the next moment something is due (an inject, evidence, a mitigation's effect, or the end). */
  jumpToNext(): Promise<JumpOutcome> {
    return this.enqueue(async () => {
      const refused = this.jumpRefusal();
      if (refused) return { ok: false, reason: refused };
      const next = this.exercise.nextEventAt();
      if (next === undefined) return { ok: false, reason: 'Nothing more is due: the exercise has ended.' };
      // Ending the exercise is not an inject: that takes a deliberate jump to the end time.
      if (next >= this.scenario.duration) return { ok: false, reason: `Nothing else is due before the exercise ends at ${clockTime(this.scenario.spec.clockStart, this.scenario.duration)}; to end it now, jump to that time.` };
      return this.advanceStored(next);
    });
  }

  /** Moves the clock forward to simulated time `t` (ms since the start). Never backwards. */
  jumpTo(t: number): Promise<JumpOutcome> {
    return this.enqueue(async () => {
      const refused = this.jumpRefusal();
      if (refused) return { ok: false, reason: refused };
      const start = this.scenario.spec.clockStart;
      if (!Number.isFinite(t) || t < this.exercise.now) return { ok: false, reason: `The clock only moves forward: it is already ${clockTime(start, this.exercise.now)} (+${formatDuration(this.exercise.now)}), so it cannot go back to ${Number.isFinite(t) ? clockTime(start, Math.max(0, t)) : 'that time'}.` };
      if (t > this.scenario.duration) return { ok: false, reason: `The exercise ends at ${clockTime(start, this.scenario.duration)} (+${formatDuration(this.scenario.duration)}); pick a time before that.` };
      return this.advanceStored(Math.floor(t / 1000) * 1000);
    });
  }

  private jumpRefusal(): string | undefined {
    if (this.lost) return 'This attempt is open in another tab; nothing is saved from here.';
    if (this.attempt.mode === 'rca') return 'An RCA exercise has no clock to move.';
    if (this.attempt.status !== 'in-progress') return 'The incident is closed: the clock has stopped.';
    return undefined;
  }

  private async advanceStored(t: number): Promise<JumpOutcome> {
    this.carry = 0;
    this.exercise.advanceTo(Math.max(t, this.exercise.now));
    const saved = await this.flush();
    return saved.ok ? { ok: true, t: this.exercise.now } : { ok: false, reason: saved.error.message };
  }

  /** Moves the simulated clock by `realMs` of real time at the current speed, in whole simulated seconds. */
  tick(realMs: number): Promise<void> {
    if (this.paused || this.lost) return Promise.resolve();
    this.carry += realMs * this.speed;
    const whole = Math.floor(this.carry / 1000) * 1000;
    if (whole <= 0) return Promise.resolve();
    this.carry -= whole;
    return this.enqueue(async () => {
      this.exercise.advanceTo(this.exercise.now + whole);
      await this.flush();
    });
  }

  setPaused(paused: boolean): Promise<void> {
    this.paused = paused;
    this.carry = 0;
    this.bump();
    // Store the moment reached, so a reload resumes exactly here.
    return this.enqueue(() => this.flush()).then(() => undefined);
  }

  /** Changes the clock speed; it is stored with the attempt, so a reload keeps it. */
  setSpeed(speed: number): Promise<void> {
    this.speed = speed;
    this.attempt.settings = { speed };
    this.bump();
    return this.enqueue(() => this.flush()).then(() => undefined);
  }

  /** Stops all writing, with the reason shown to the trainee (e.g. the scenario file changed). */
  freeze(message: string): void {
    this.lost = true;
    this.paused = true;
    this.error = { kind: 'failed', message };
    this.bump();
  }

  /** Marks this session as superseded by another tab. */
  markLost(): void {
    this.lost = true;
    this.paused = true;
    this.bump();
  }

  /** The scorecard, from the same function as `npm run replay`. */
  scorecard() {
    return score(this.scenario, this.log, this.attempt.mode);
  }

  private status(): { status: AttemptStatus; total?: number } {
    const view = this.exercise.view();
    // An interview's score is for the interviewer only: it is stored sealed (src/store/interview-store.ts), never as `total`.
    if (view.rca !== undefined) return this.attempt.mode === 'interview' ? { status: 'scored' } : { status: 'scored', total: score(this.scenario, this.exercise.log, this.attempt.mode).total };
    if (view.resolvedAt !== undefined || view.ended) return { status: 'resolved' };
    return { status: 'in-progress' };
  }

  /** Writes everything not yet stored; on failure, rebuilds the engine from the stored log. */
  private async flush(): Promise<StoreResult<void>> {
    const fresh = this.exercise.log.slice(this.persisted);
    const { status, total } = this.status();
    const saved = await this.store.append(this.attempt.id, this.owner, fresh, { simTime: this.exercise.now, status, total, settings: this.attempt.settings });
    if (saved.ok) {
      this.persisted += fresh.length;
      this.attempt.simTime = this.exercise.now;
      this.attempt.status = status;
      this.error = undefined;
      // Once resolved (or out of time) the clock has nothing left to run for.
      if (status !== 'in-progress') this.paused = true;
    } else {
      const kept = this.exercise.log.slice(0, this.persisted);
      this.exercise = restoreFromLog(this.scenario, kept, this.attempt.simTime).exercise;
      this.error = saved.error;
      this.paused = true;
      if (saved.error.kind === 'taken-over') this.lost = true;
    }
    this.bump();
    return saved;
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private bump(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
