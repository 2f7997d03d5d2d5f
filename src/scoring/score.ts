import type { LoadedScenario } from '../scenario/loader.ts';
import type { LogEntry } from '../engine/attempt-log.ts';
import type { Mode } from '../engine/check-action.ts';
import { WEIGHTS } from './rubric.ts';
import { dimension, DIMENSIONS, type Scorecard } from './scorecard.ts';
import { scoreSeverity } from './severity-scorer.ts';
import { scoreEscalation } from './escalation-scorer.ts';
import { scoreCommunication } from './communication-scorer.ts';
import { scoreRca } from './rca-scorer.ts';

/** The scorecard of an attempt: a pure function of the scenario and the log. */
export function score(scenario: LoadedScenario, log: readonly LogEntry[], mode: Mode = 'practice'): Scorecard {
  const weights = WEIGHTS[mode];
  const dimensions = {
    severity: dimension(weights.severity, scoreSeverity(scenario, log)),
    escalation: dimension(weights.escalation, scoreEscalation(scenario, log)),
    communication: dimension(weights.communication, scoreCommunication(scenario, log)),
    rca: dimension(weights.rca, scoreRca(scenario, log)),
  };
  const weightSum = DIMENSIONS.reduce((sum, d) => sum + dimensions[d].weight, 0);
  const total = Math.round(DIMENSIONS.reduce((sum, d) => sum + dimensions[d].score * dimensions[d].weight, 0) / weightSum);
  return { scenario: scenario.spec.id, total, dimensions };
}
