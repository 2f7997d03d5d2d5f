import type { LoadedScenario } from '../scenario/loader.ts';
import type { Level } from '../scenario/schema.ts';
import { actionsOf, type LogEntry } from '../engine/attempt-log.ts';
import { nextHint, type Hint } from '../engine/hints.ts';
import { expectedLevels, levelAt, ms } from './incident-timeline.ts';
import { updateSchedule } from './update-cadence.ts';

export interface PendingEscalation {
  readonly to: string;
  readonly name: string;
  /** The deadline, simulated ms since the start. */
  readonly by: number;
  readonly optional: boolean;
  readonly why: string | undefined;
}

/** What the facilitator sees and the trainee does not: what is expected of them at `now`. */
export interface AnswerKey {
  /** The priority the scenario expects now (the same reading the severity scorer uses), if any yet. */
  readonly expectedLevel: Level | undefined;
  readonly expectedWhy: string | undefined;
  /** The major-incident deadline while no major incident has been declared. */
  readonly majorIncidentBy: number | undefined;
  /** Expected escalations not sent yet, earliest deadline first. */
  readonly pendingEscalations: readonly PendingEscalation[];
  /** When the next status update is due; undefined once the incident is closed. */
  readonly nextUpdateDue: number | undefined;
  /** The expert reference's step to look at now. */
  readonly nextStep: Hint | undefined;
}

export function answerKey(scenario: LoadedScenario, log: readonly LogEntry[], now: number, closed: boolean): AnswerKey {
  const ex = scenario.spec.expectations;
  const expected = expectedLevels(scenario, log);
  const current = [...expected].reverse().find((c) => c.t <= now);
  const sent = new Set(actionsOf(log, 'escalation.send').map((e) => e.action.to));
  const name = (id: string) => [...scenario.spec.teams, ...(scenario.spec.vendors ?? [])].find((t) => t.id === id)?.name ?? id;
  const pendingEscalations = ex.escalations
    .filter((e) => !sent.has(e.to))
    .map((e) => ({ to: e.to, name: name(e.to), by: ms(e.by), optional: e.optional === true, why: e.why }))
    .sort((a, b) => a.by - b.by);
  const declared = actionsOf(log, 'incident.declare-major').length > 0;
  return {
    expectedLevel: levelAt(expected, now),
    expectedWhy: current?.why,
    majorIncidentBy: ex.majorIncident && !declared ? ms(ex.majorIncident.by) : undefined,
    pendingEscalations,
    nextUpdateDue: closed ? undefined : updateSchedule(scenario, log, now).nextDue,
    nextStep: nextHint(scenario, now),
  };
}
