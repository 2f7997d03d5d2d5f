import type { LoadedScenario } from '../scenario/loader.ts';
import { clockTime, spokenDuration } from '../scenario/duration.ts';
import { actionsOf, type LogEntry } from '../engine/attempt-log.ts';
import type { ExerciseView } from '../engine/exercise-view.ts';
import { updateSchedule } from './update-cadence.ts';

export interface Nudge {
  readonly kind: 'update-overdue' | 'alert-unacknowledged';
  readonly text: string;
}

/** How long a critical alert may sit unacknowledged before practice mode says so. */
export const ACK_NUDGE_AFTER = 2 * 60_000;

/** Practice mode's live reminders, from the same rules the scorers use. */
export function nudges(scenario: LoadedScenario, log: readonly LogEntry[], view: ExerciseView): Nudge[] {
  if (view.resolvedAt !== undefined || view.ended) return [];
  const out: Nudge[] = [];
  const schedule = updateSchedule(scenario, log, view.t);
  const lastMissed = schedule.missedAt.at(-1);
  const lastUpdate = actionsOf(log, 'update.post').at(-1)?.t;
  if (lastMissed !== undefined && (lastUpdate === undefined || lastUpdate < lastMissed)) {
    out.push({
      kind: 'update-overdue',
      text: `An update was due at ${clockTime(scenario.spec.clockStart, lastMissed)} (${schedule.levelIn(lastMissed)} cadence: every ${spokenDuration(schedule.cadenceAt(lastMissed))}). People are waiting to hear from you.`,
    });
  }
  for (const item of view.alerts) {
    if (item.alert.level === 'critical' && item.acknowledgedAt === undefined && view.t - item.t >= ACK_NUDGE_AFTER) {
      out.push({ kind: 'alert-unacknowledged', text: `Critical alert on ${item.alert.service} has been unacknowledged for ${spokenDuration(view.t - item.t)}.` });
    }
  }
  return out;
}
