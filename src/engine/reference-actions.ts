import type { LoadedScenario } from '../scenario/loader.ts';
import type { PathSegment } from '../scenario/problem.ts';
import { readActions, type LocatedAction, type RawAction } from './transcript.ts';

/**
 * The expert reference as trainee actions: every `do` action of every `debrief.reference`
 * step, at the step's time unless it gives its own. Empty when the reference is prose only.
 */
export function referenceActions(scenario: LoadedScenario, problem: (path: readonly PathSegment[], message: string, onKey?: boolean) => void = () => undefined): LocatedAction[] {
  const items: RawAction[] = scenario.spec.debrief.reference.flatMap((step, i) => (step.do ?? []).map((raw, j) => ({ raw, path: ['debrief', 'reference', i, 'do', j], defaultAt: step.at })));
  return readActions(items, scenario, problem);
}
