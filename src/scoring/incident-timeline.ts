import type { LoadedScenario } from '../scenario/loader.ts';
import type { Level } from '../scenario/schema.ts';
import { clockTime, formatDuration, parseDuration } from '../scenario/duration.ts';
import { actionsOf, sceneOf, type LogEntry } from '../engine/attempt-log.ts';

export interface LevelChange {
  readonly t: number;
  readonly level: Level;
  readonly why: string | undefined;
}

export const levelRank = (level: Level): number => Number(level.slice(1));
export const ms = (text: string): number => parseDuration(text) ?? 0;

/**
 * The expected priority over time for what actually happened in this attempt: `from:` levels
 * apply at their time, `phase:` levels when that phase was entered (so a branch the trainee
 * caused changes what was expected of them).
 */
export function expectedLevels(scenario: LoadedScenario, log: readonly LogEntry[]): LevelChange[] {
  const changes: (LevelChange & { order: number })[] = [];
  const phaseEntries = sceneOf(log, 'phase.enter');
  scenario.spec.expectations.severity.forEach((level, order) => {
    if (level.from !== undefined) changes.push({ t: ms(level.from), level: level.level, why: level.why, order });
    else for (const entry of phaseEntries) if (entry.payload.phase === level.phase) changes.push({ t: entry.t, level: level.level, why: level.why, order: order + 1000 });
  });
  changes.sort((a, b) => a.t - b.t || a.order - b.order);
  const out: LevelChange[] = [];
  for (const { t, level, why } of changes) {
    const last = out.at(-1);
    if (last && last.t === t) out[out.length - 1] = { t, level, why };
    else if (!last || last.level !== level) out.push({ t, level, why });
  }
  return out;
}

/** The trainee's priority changes, in order. */
export function traineeLevels(log: readonly LogEntry[]): LevelChange[] {
  return actionsOf(log, 'priority.set').map(({ t, action }) => ({ t, level: action.level, why: action.reason }));
}

export function levelAt(changes: readonly LevelChange[], t: number): Level | undefined {
  let current: Level | undefined;
  for (const change of changes) {
    if (change.t > t) break;
    current = change.level;
  }
  return current;
}

/** Where scoring windows stop: when the trainee resolved, or when the exercise ended. */
export function incidentEnd(scenario: LoadedScenario, log: readonly LogEntry[]): number {
  const resolved = actionsOf(log, 'incident.resolve')[0];
  return resolved ? resolved.t : scenario.duration;
}

/** "09:47 (+7m)": the time of day the trainee saw, and the time since the start. */
export function when(scenario: LoadedScenario, t: number): string {
  return `${clockTime(scenario.spec.clockStart, t)} (+${formatDuration(t)})`;
}
