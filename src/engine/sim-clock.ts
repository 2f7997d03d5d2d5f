import { SimulatedClock } from 'xstate';
import type { SimMs } from '../scenario/duration.ts';

/**
 * The exercise clock: XState's `SimulatedClock`, advanced one due time at a time.
 *
 * `SimulatedClock.set(t)` moves "now" to `t` before firing what fell due, so a timer started
 * by another timer (the next phase's injects, started when a delayed transition fires) would
 * start at `t` instead of at the moment its parent fired, and the outcome would depend on how
 * far the clock jumped. `advanceTo` therefore stops at every due time in order, so jumping an
 * hour or stepping a second at a time gives the same log. It tracks due times itself because
 * `SimulatedClock` keeps its timers private.
 */
export class SimClock extends SimulatedClock {
  private readonly dueTimes = new Map<number, number>();

  override now(): SimMs {
    return super.now() as SimMs;
  }

  override setTimeout(fn: (...args: unknown[]) => void, timeout: number): number {
    const due = this.now() + Math.max(0, timeout);
    let id = -1;
    id = super.setTimeout(() => {
      this.dueTimes.delete(id);
      fn();
    }, Math.max(0, timeout));
    this.dueTimes.set(id, due);
    return id;
  }

  override clearTimeout(id: number): void {
    this.dueTimes.delete(id);
    super.clearTimeout(id);
  }

  /** Fires every timer due at or before `target`, each at its own due time. */
  advanceTo(target: number): void {
    if (target < this.now()) throw new Error(`SimClock cannot go back from ${this.now()} to ${target}`);
    let fired = 0;
    for (let next = this.earliestDue(target); next !== undefined; next = this.earliestDue(target)) {
      // A scenario that schedules endlessly at one instant is a bug the validator should have caught.
      if (++fired > 100_000) throw new Error(`SimClock: more than 100000 timers fired before ${target}; a zero-delay loop?`);
      this.set(next);
    }
    this.set(target);
  }

  /** When the next timer fires, if any: lets a shell sleep until something happens. */
  nextDue(): SimMs | undefined {
    return this.earliestDue(Infinity) as SimMs | undefined;
  }

  private earliestDue(limit: number): number | undefined {
    let best: number | undefined;
    for (const due of this.dueTimes.values()) if (due <= limit && (best === undefined || due < best)) best = due;
    return best;
  }
}
