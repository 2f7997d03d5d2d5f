import { loadScenario, type LoadedScenario } from '../scenario/loader.ts';
import { formatProblem } from '../scenario/problem.ts';

export interface LibraryEntry {
  readonly file: string;
  readonly scenario: LoadedScenario | undefined;
  readonly problems: readonly string[];
  /** Set for scenarios imported in this browser (stored in IndexedDB). */
  readonly imported?: { readonly hash: string; readonly text: string };
}

export function toEntry(file: string, text: string, imported?: LibraryEntry['imported']): LibraryEntry {
  const result = loadScenario(text, file);
  return { file, scenario: result.scenario, problems: result.problems.map(formatProblem), ...(imported ? { imported } : {}) };
}
