import { createActor, type Actor } from 'xstate';
import type { LoadedScenario } from '../scenario/loader.ts';
import type { SimMs } from '../scenario/duration.ts';
import type { TraineeAction } from './actions.ts';
import type { LogEntry, SceneEntry } from './attempt-log.ts';
import { compileScenario, type WorldMachine } from './compile-machine.ts';
import { SimClock } from './sim-clock.ts';
import { deriveView, ViewFold, type ExerciseView } from './exercise-view.ts';
import { refusalReason, type Mode } from './check-action.ts';
import { scriptedIds, type FacilitatorCommand } from './facilitator.ts';
import { formatDuration, parseDuration } from '../scenario/duration.ts';


export interface ExerciseOptions {
  readonly seed?: number;
  readonly mode?: Mode;
  /** Rubric weights for this attempt when not the mode's defaults (an interview's own). */
  readonly weights?: Readonly<Record<string, number>>;
}

export type FacilitateResult = { readonly ok: true; readonly entry: LogEntry } | { readonly ok: false; readonly reason: string };

/**
 * One attempt at a scenario: the compiled machine on a simulated clock, and the append-only
 * log of everything that happened. Deterministic: the same scenario, seed and actions at the
 * same simulated times produce the same log, however the clock is advanced.
 */
export class Exercise {
  readonly scenario: LoadedScenario;
  readonly seed: number;
  readonly mode: Mode;
  private readonly clock = new SimClock();
  private readonly actor: Actor<WorldMachine>;
  private readonly entries: LogEntry[] = [];
  private readonly listeners = new Set<(entry: LogEntry) => void>();
  /** Alert and report ids already on the board: each arrives once. */
  private readonly seen = new Set<string>();
  /** Ad-hoc inject ids accepted and not yet arrived. */
  private readonly scheduled = new Set<string>();
  /** The view kept up to date entry by entry, for the engine's own checks (see ViewFold). */
  private readonly fold: ViewFold;

  constructor(scenario: LoadedScenario, options: ExerciseOptions = {}) {
    this.scenario = scenario;
    this.fold = new ViewFold(scenario);
    this.seed = options.seed ?? 0;
    this.mode = options.mode ?? 'practice';
    this.append({ type: 'exercise.start', payload: { scenario: scenario.spec.id, hash: scenario.hash, seed: this.seed, mode: this.mode, ...(options.weights ? { weights: { ...options.weights } } : {}) } });
    this.actor = createActor(compileScenario(scenario, this.seed), { clock: this.clock });
    this.actor.on('scene', (emitted) => {
      const { type, ...payload } = emitted.payload;
      // An alert or report arrives once, even if its phase is entered again: ids stay unique on the board.
      const injectId = emitted.payload.type === 'alert.fire' ? emitted.payload.alert.id : emitted.payload.type === 'report.arrive' ? emitted.payload.report.id : undefined;
      if (injectId !== undefined) {
        if (this.seen.has(injectId)) return;
        this.seen.add(injectId);
      }
      this.append({ type, payload } as Omit<SceneEntry, 'seq' | 't'>);
    });
    this.actor.start();
    // Things due at 0 (the first injects) happen at the start, not at the first advance.
    this.clock.advanceTo(0);
  }

  get log(): readonly LogEntry[] {
    return this.entries;
  }

  get now(): SimMs {
    return this.clock.now();
  }

  get phase(): string {
    const value = this.actor.getSnapshot().value;
    return typeof value === 'string' ? value : this.scenario.initialPhase;
  }

  /** Called with every new log entry, in order: the shell persists each one. */
  onEntry(listener: (entry: LogEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs the world up to simulated time `t`: injects, evidence arrivals, phase changes. */
  advanceTo(t: number): void {
    if (t < this.now) throw new Error(`cannot move the exercise back from ${this.now} to ${t}`);
    const end = this.scenario.duration;
    if (this.isEnded()) return this.clock.advanceTo(Math.max(t, this.now));
    if (t >= end) {
      this.clock.advanceTo(end);
      if (this.fold.view(this.now).resolvedAt === undefined) this.append({ type: 'exercise.end', payload: { reason: 'time-up' } });
      // The world stops at the end; only the clock reading moves on (for the RCA that follows).
      this.actor.stop();
      this.clock.advanceTo(t);
      return;
    }
    this.clock.advanceTo(t);
  }

  /** Takes a trainee action at the current time (or at `t`, advancing first). */
  act(action: TraineeAction, t: number = this.now): LogEntry {
    this.advanceTo(t);
    const reason = refusalReason(this.scenario, this.fold.view(this.now), action, this.mode);
    if (reason !== undefined) return this.append({ type: 'action.refused', payload: { action, reason } });
    const entry = this.append({ type: action.type, payload: action } as Omit<LogEntry, 'seq' | 't'>);
    if (this.actor.getSnapshot().status === 'active') {
      this.actor.send(action);
      // Zero-delay consequences (an immediate mitigation effect) land at the same instant.
      this.clock.advanceTo(this.now);
    }
    return entry;
  }

  /**
   * A facilitator's command at the current time (or at `t`). Notes and adjustments are logged
   * as they are; an ad-hoc inject is logged, then arrives as an alert or report now or after
   * its delay, exactly like a scripted one. Refused commands are not logged: the facilitator
   * is told why and nothing changes.
   */
  facilitate(command: FacilitatorCommand, t: number = this.now): FacilitateResult {
    this.advanceTo(t);
    if (command.type === 'facilitator.inject') {
      const delay = command.after === undefined ? 0 : (parseDuration(command.after) ?? 0);
      if (this.isEnded()) return { ok: false, reason: 'The exercise has ended: there is nothing left for an inject to arrive in.' };
      if (this.now + delay >= this.scenario.duration) return { ok: false, reason: `That would arrive at ${formatDuration(this.now + delay)}, after the exercise ends at ${formatDuration(this.scenario.duration)}.` };
      const item = command.alert ?? command.report;
      const id = item?.id ?? '';
      if (this.seen.has(id) || this.scheduled.has(id) || scriptedIds(this.scenario).has(id)) return { ok: false, reason: `The id "${id}" is already used by another alert or report; give this one its own.` };
      if (command.alert && !this.scenario.spec.services.some((s) => s.id === command.alert?.service)) return { ok: false, reason: `Unknown service "${command.alert.service}"; available: ${this.scenario.spec.services.map((s) => s.id).join(', ')}.` };
      const entry = this.append({ type: command.type, payload: command } as Omit<LogEntry, 'seq' | 't'>);
      this.scheduled.add(id);
      const deliver = () => {
        if (this.isEnded()) return;
        this.seen.add(id);
        if (command.alert) this.append({ type: 'alert.fire', payload: { alert: command.alert } });
        else if (command.report) this.append({ type: 'report.arrive', payload: { report: command.report } });
      };
      if (delay === 0) deliver();
      else this.clock.setTimeout(deliver, delay);
      return { ok: true, entry };
    }
    return { ok: true, entry: this.append({ type: command.type, payload: command } as Omit<LogEntry, 'seq' | 't'>) };
  }

  view(): ExerciseView {
    return deriveView(this.scenario, this.entries, this.now);
  }

  /** When the world next changes by itself, if it will. */
  nextEventAt(): SimMs | undefined {
    if (this.isEnded()) return undefined;
    const due = this.clock.nextDue();
    return due === undefined ? this.scenario.duration : (Math.min(due, this.scenario.duration) as SimMs);
  }

  private isEnded(): boolean {
    return this.actor.getSnapshot().status !== 'active';
  }

  private append(entry: Omit<LogEntry, 'seq' | 't'>): LogEntry {
    const full = { seq: this.entries.length, t: this.now, type: entry.type, payload: entry.payload } as LogEntry;
    this.entries.push(full);
    this.fold.add(full);
    for (const listener of this.listeners) listener(full);
    return full;
  }
}
