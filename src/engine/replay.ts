import type { LoadedScenario } from '../scenario/loader.ts';
import type { TraineeAction } from './actions.ts';
import { isActionEntry, isFacilitatorEntry, type LogEntry } from './attempt-log.ts';
import type { FacilitatorCommand } from './facilitator.ts';
import { Exercise } from './exercise.ts';
import { canonicalJson } from './canonical-json.ts';
import type { Mode } from './check-action.ts';

export interface TimedAction {
  readonly t: number;
  readonly action: TraineeAction;
}

/** A facilitator's command at a simulated time. */
export interface TimedCommand {
  readonly t: number;
  readonly command: FacilitatorCommand;
}

export type TimedInput = TimedAction | TimedCommand;

/** Plays timed actions against a fresh exercise. `until` runs the clock on afterwards (default: the scenario's end). */
export function playActions(scenario: LoadedScenario, actions: readonly TimedInput[], options: { seed?: number; mode?: Mode; until?: number; weights?: Readonly<Record<string, number>> } = {}): Exercise {
  const exercise = new Exercise(scenario, options);
  for (const input of actions) apply(exercise, input);
  const last = actions.at(-1)?.t ?? 0;
  exercise.advanceTo(Math.max(options.until ?? scenario.duration, last));
  return exercise;
}

function apply(exercise: Exercise, input: TimedInput): void {
  if ('action' in input) exercise.act(input.action, input.t);
  else exercise.facilitate(input.command, input.t);
}

/** Everything put into a stored log from outside (trainee actions, refused ones, facilitator commands): what must be replayed to rebuild it. */
export function inputsOf(log: readonly LogEntry[]): TimedInput[] {
  return log.flatMap((entry): TimedInput[] => {
    if (isActionEntry(entry)) return [{ t: entry.t, action: entry.payload }];
    if (entry.type === 'action.refused') return [{ t: entry.t, action: entry.payload.action }];
    if (isFacilitatorEntry(entry)) return [{ t: entry.t, command: entry.payload }];
    return [];
  });
}

/** The trainee's side of a stored log. */
export function traineeActions(log: readonly LogEntry[]): TimedAction[] {
  return log.flatMap((entry) => {
    if (isActionEntry(entry)) return [{ t: entry.t, action: entry.payload }];
    if (entry.type === 'action.refused') return [{ t: entry.t, action: entry.payload.action }];
    return [];
  });
}

/**
 * Rebuilds an exercise from a stored log (after a reload) and checks that replaying it gives
 * back the very same entries; a mismatch means the scenario changed or the log was altered.
 */
export function restoreFromLog(scenario: LoadedScenario, log: readonly LogEntry[], now: number): { exercise: Exercise; mismatch: string | undefined } {
  const start = log[0];
  const options = start?.type === 'exercise.start' ? { seed: start.payload.seed, mode: modeOf(start.payload.mode), weights: start.payload.weights } : {};
  const exercise = new Exercise(scenario, options);
  for (const input of inputsOf(log)) apply(exercise, input);
  exercise.advanceTo(Math.max(now, exercise.now));
  const rebuilt = exercise.log.slice(0, log.length);
  const index = rebuilt.findIndex((entry, i) => canonicalJson(entry) !== canonicalJson(log[i]));
  const mismatch = index === -1 ? (rebuilt.length < log.length ? `the stored log has ${log.length - rebuilt.length} entries the replay does not produce` : undefined) : `entry ${index} differs on replay`;
  return { exercise, mismatch };
}

const modeOf = (mode: string): Mode => (mode === 'interview' || mode === 'tabletop' || mode === 'rca' ? mode : 'practice');

