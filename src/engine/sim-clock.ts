import type { ActorOptions, AnyActorLogic } from 'xstate';

type Clock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;
import type { SimMs } from '../scenario/duration.ts';

interface Timer {
  readonly id: number;
  readonly due: number;
  readonly fn: () => void;
}

/**
 * The exercise clock. It implements XState's `Clock` so delayed transitions and delayed
 * events run on simulated time.
 *
 * Why not XState's own `SimulatedClock`: its `set(t)` moves "now" to `t` before firing what
 * fell due, so a timer started by another timer (the next phase's injects) would start at
 * `t` instead of at the moment its parent fired, and the outcome would depend on how far the
 * clock jumped. `advanceTo` here stops at every due time in order, so jumping one hour or
 * stepping one second at a time produce the same log. Ties fire in the order they were set.
 */
export class SimClock implements Clock {
  private current = 0;
  private nextId = 1;
  private readonly timers = new Map<number, Timer>();

  now(): SimMs {
    return this.current as SimMs;
  }

  setTimeout(fn: (...args: unknown[]) => void, timeout: number): number {
    const id = this.nextId++;
    this.timers.set(id, { id, due: this.current + Math.max(0, timeout), fn: () => fn() });
    return id;
  }

  clearTimeout(id: unknown): void {
    if (typeof id === 'number') this.timers.delete(id);
  }

  /** Fires every timer due at or before `target`, each at its own due time. */
  advanceTo(target: number): void {
    if (target < this.current) throw new Error(`SimClock cannot go back from ${this.current} to ${target}`);
    for (;;) {
      const next = this.earliestDue(target);
      if (!next) break;
      this.timers.delete(next.id);
      this.current = next.due;
      next.fn();
    }
    this.current = target;
  }

  /** When the next timer fires, if any: lets a shell sleep until something happens. */
  nextDue(): SimMs | undefined {
    let best: number | undefined;
    for (const timer of this.timers.values()) if (best === undefined || timer.due < best) best = timer.due;
    return best as SimMs | undefined;
  }

  private earliestDue(limit: number): Timer | undefined {
    let best: Timer | undefined;
    for (const timer of this.timers.values()) {
      if (timer.due > limit) continue;
      if (!best || timer.due < best.due || (timer.due === best.due && timer.id < best.id)) best = timer;
    }
    return best;
  }
}
