import type { LoadedScenario } from '../scenario/loader.ts';
import type { Level } from '../scenario/schema.ts';
import { actionsOf, type LogEntry } from '../engine/attempt-log.ts';
import { COMMUNICATION } from './rubric.ts';
import { expectedLevels, levelAt, levelRank, ms, traineeLevels } from './incident-timeline.ts';

export interface UpdateSchedule {
  /** When the first update was due. */
  readonly firstDue: number;
  /** Due times that passed with no update. */
  readonly missedAt: readonly number[];
  /** Update slots met (bursts within half an interval count once). */
  readonly met: number;
  /** The next due time after `until`: what the console counts down to. */
  readonly nextDue: number;
  /** The priority whose cadence applies at a moment. */
  readonly levelIn: (t: number) => Level;
  readonly cadenceAt: (t: number) => number;
}

/**
 * The update schedule of an attempt up to `until`. The next update is due one interval after
 * the last (or after the start); the interval is that of the stricter of the trainee's
 * priority and the expected one; a stricter priority brings the due time forward; each due
 * time passed in silence is a missed slot. The communication scorer and the console's
 * countdown both read this, so they can never disagree.
 */
export function updateSchedule(scenario: LoadedScenario, log: readonly LogEntry[], until: number): UpdateSchedule {
  const ex = scenario.spec.expectations;
  const trainee = traineeLevels(log);
  const expected = expectedLevels(scenario, log);
  const cadenceOf = (level: Level) => ms(ex.cadence?.[level] ?? COMMUNICATION.defaultCadence[level]);
  const levelIn = (t: number): Level => {
    const own = levelAt(trainee, t);
    const want = levelAt(expected, t) ?? 'P3';
    return own !== undefined && levelRank(own) < levelRank(want) ? own : want;
  };
  const cadenceAt = (t: number) => cadenceOf(levelIn(t));

  let due = cadenceAt(0);
  const firstDue = due;
  let met = 0;
  let lastCounted: number | undefined;
  const missedAt: number[] = [];
  const updates = actionsOf(log, 'update.post').filter((u) => u.t <= until);
  const changes = [...trainee, ...expected].map((c) => c.t).filter((t) => t > 0 && t <= until);
  const events = [...updates.map((u) => ({ t: u.t, update: true })), ...changes.map((t) => ({ t, update: false }))].sort((a, b) => a.t - b.t || Number(a.update) - Number(b.update));
  const passDueTimes = (before: number) => {
    for (let guard = 0; due < before && guard < 1000; guard++) {
      missedAt.push(due);
      due += cadenceAt(due);
    }
  };
  for (const event of events) {
    passDueTimes(event.t);
    if (event.update) {
      if (lastCounted === undefined || event.t - lastCounted >= cadenceAt(event.t) / 2) {
        met += 1;
        lastCounted = event.t;
      }
      due = event.t + cadenceAt(event.t);
    } else {
      due = Math.min(due, event.t + cadenceAt(event.t));
    }
  }
  passDueTimes(until);
  return { firstDue, missedAt, met, nextDue: due, levelIn, cadenceAt };
}
