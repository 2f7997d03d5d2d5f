import type { SimMs } from '../scenario/duration.ts';

interface Timer {
  readonly id: number;
  readonly due: number;
  readonly fn: () => void;
}

/**
 * The exercise clock: a simulated clock for XState (`createActor(machine, { clock })`), advanced
 * one due time at a time.
 *
 * Moving "now" straight to `t` before firing what fell due would start a timer set by another
 * timer (the next phase's injects, started when a delayed transition fires) at `t` instead of at
 * the moment its parent fired, and the outcome would depend on how far the clock jumped.
 * `advanceTo` therefore stops at every due time in order, so jumping an hour or stepping a second
 * at a time gives the same log. Timers due at the same time fire in the order they were set.
 *
 * It behaves like XState's `SimulatedClock` but keeps its timers in a binary heap: that clock
 * sorts every pending timer each time it moves, which made a 10,000-inject scenario quadratic.
 */
export class SimClock {
  private current = 0;
  private nextId = 0;
  /** Pending timers by id; a cleared timer is removed here and skipped when it reaches the heap's top. */
  private readonly pending = new Map<number, Timer>();
  private readonly heap: Timer[] = [];
  private flushing = false;

  now(): SimMs {
    return this.current as SimMs;
  }

  setTimeout(fn: (...args: unknown[]) => void, timeout: number): number {
    const timer: Timer = { id: this.nextId++, due: this.current + Math.max(0, timeout), fn: () => fn() };
    this.pending.set(timer.id, timer);
    this.push(timer);
    return timer.id;
  }

  clearTimeout(id: number): void {
    this.pending.delete(id);
  }

  /** Fires every timer due at or before `target`, each at its own due time. */
  advanceTo(target: number): void {
    if (target < this.current) throw new Error(`SimClock cannot go back from ${this.current} to ${target}`);
    let fired = 0;
    for (let next = this.earliestDue(target); next !== undefined; next = this.earliestDue(target)) {
      // A scenario that schedules endlessly at one instant is a bug the validator should have caught.
      if (++fired > 1_000_000) throw new Error(`SimClock: more than 1000000 timers fired before ${target}; a zero-delay loop?`);
      this.set(next);
    }
    this.set(target);
  }

  /** When the next timer fires, if any: lets a shell sleep until something happens. */
  nextDue(): SimMs | undefined {
    return this.earliestDue(Infinity) as SimMs | undefined;
  }

  /** Moves now to `time` and fires what is due, earliest first (ties: in the order they were set), including timers those set. */
  private set(time: number): void {
    if (time < this.current) throw new Error('Unable to travel back in time');
    this.current = time;
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (let top = this.top(); top !== undefined && top.due <= this.current; top = this.top()) {
        this.pop();
        this.pending.delete(top.id);
        top.fn();
      }
    } finally {
      this.flushing = false;
    }
  }

  private earliestDue(limit: number): number | undefined {
    const top = this.top();
    return top !== undefined && top.due <= limit ? top.due : undefined;
  }

  /** The earliest pending timer, dropping cleared ones from the top. */
  private top(): Timer | undefined {
    while (this.heap.length > 0) {
      const first = this.heap[0] as Timer;
      if (this.pending.has(first.id)) return first;
      this.pop();
    }
    return undefined;
  }

  private static before(a: Timer, b: Timer): boolean {
    return a.due < b.due || (a.due === b.due && a.id < b.id);
  }

  private push(timer: Timer): void {
    const heap = this.heap;
    heap.push(timer);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!SimClock.before(heap[i] as Timer, heap[parent] as Timer)) break;
      [heap[i], heap[parent]] = [heap[parent] as Timer, heap[i] as Timer];
      i = parent;
    }
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < heap.length && SimClock.before(heap[l] as Timer, heap[best] as Timer)) best = l;
      if (r < heap.length && SimClock.before(heap[r] as Timer, heap[best] as Timer)) best = r;
      if (best === i) break;
      [heap[i], heap[best]] = [heap[best] as Timer, heap[i] as Timer];
      i = best;
    }
  }
}
