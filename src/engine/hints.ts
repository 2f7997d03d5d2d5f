import type { LoadedScenario } from '../scenario/loader.ts';
import { parseDuration } from '../scenario/duration.ts';

export interface Hint {
  readonly at: number;
  readonly action: string;
  readonly why: string;
}

/**
 * The step of the expert reference a trainee should look at now: the first one due from a
 * minute ago on, or the last one once the reference is behind them.
 */
export function nextHint(scenario: LoadedScenario, now: number): Hint | undefined {
  const steps = scenario.spec.debrief.reference
    .map((step) => ({ at: parseDuration(step.at) ?? 0, action: step.action, why: step.why }))
    .sort((a, b) => a.at - b.at);
  return steps.find((step) => step.at >= now - 60_000) ?? steps.at(-1);
}
