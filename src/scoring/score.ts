import type { LoadedScenario } from '../scenario/loader.ts';
import type { LogEntry } from '../engine/attempt-log.ts';
import type { Mode } from '../engine/check-action.ts';
import { WEIGHTS } from './rubric.ts';
import { dimension, DIMENSIONS, type Dimension, type ScoreAdjustment, type Scorecard } from './scorecard.ts';
import { scoreSeverity } from './severity-scorer.ts';
import { scoreEscalation } from './escalation-scorer.ts';
import { scoreCommunication } from './communication-scorer.ts';
import { scoreRca } from './rca-scorer.ts';

/**
 * The scorecard of an attempt: a pure function of the scenario and the log. The weights are
 * the attempt's own when its start entry carries them (an interview's), else the mode's;
 * facilitator adjustments in the log are added to their dimension.
 */
export function score(scenario: LoadedScenario, log: readonly LogEntry[], mode: Mode = 'practice'): Scorecard {
  const weights = weightsOf(log, mode);
  const adjustments = adjustmentsOf(log);
  const dimensions = {
    severity: dimension(weights.severity, scoreSeverity(scenario, log), adjustments.severity),
    escalation: dimension(weights.escalation, scoreEscalation(scenario, log), adjustments.escalation),
    communication: dimension(weights.communication, scoreCommunication(scenario, log), adjustments.communication),
    rca: dimension(weights.rca, scoreRca(scenario, log), adjustments.rca),
  };
  const weightSum = DIMENSIONS.reduce((sum, d) => sum + dimensions[d].weight, 0);
  const total = weightSum === 0 ? 0 : Math.round(DIMENSIONS.reduce((sum, d) => sum + dimensions[d].score * dimensions[d].weight, 0) / weightSum);
  return { scenario: scenario.spec.id, total, dimensions };
}

/** The weights an attempt is scored with: its own (from its start entry) or its mode's. */
export function weightsOf(log: readonly LogEntry[], mode: Mode): Record<Dimension, number> {
  const start = log[0];
  const own = start?.type === 'exercise.start' ? start.payload.weights : undefined;
  const defaults = WEIGHTS[mode];
  if (!own) return { ...defaults };
  return Object.fromEntries(DIMENSIONS.map((d) => [d, typeof own[d] === 'number' && Number.isFinite(own[d]) && own[d] >= 0 ? own[d] : defaults[d]])) as Record<Dimension, number>;
}

/** The facilitator's adjustments, by dimension. */
export function adjustmentsOf(log: readonly LogEntry[]): Record<Dimension, ScoreAdjustment[]> {
  const out: Record<Dimension, ScoreAdjustment[]> = { severity: [], escalation: [], communication: [], rca: [] };
  for (const entry of log) {
    if (entry.type === 'facilitator.adjust') out[entry.payload.dimension].push({ t: entry.t, points: entry.payload.points, reason: entry.payload.reason });
  }
  return out;
}
