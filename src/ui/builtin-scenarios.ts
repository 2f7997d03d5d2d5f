import { loadScenario, type LoadedScenario } from '../scenario/loader.ts';
import { formatProblem } from '../scenario/problem.ts';

/** The scenario files shipped in scenarios/, bundled as text at build time. */
const files = import.meta.glob<string>('/scenarios/*.{yaml,yml}', { query: '?raw', import: 'default', eager: true });

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

export const builtinScenarios: readonly LibraryEntry[] = Object.entries(files)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([path, text]) => toEntry(path.replace(/^\//, ''), text));
