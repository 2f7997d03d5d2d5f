import { loadScenario, type LoadedScenario } from '../scenario/loader.ts';
import { formatProblem } from '../scenario/problem.ts';

/** The scenario files shipped in scenarios/, bundled as text at build time. */
const files = import.meta.glob<string>('/scenarios/*.{yaml,yml}', { query: '?raw', import: 'default', eager: true });

export interface LibraryEntry {
  readonly file: string;
  readonly scenario: LoadedScenario | undefined;
  readonly problems: readonly string[];
}

export const builtinScenarios: readonly LibraryEntry[] = Object.entries(files)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([path, text]) => {
    const file = path.replace(/^\//, '');
    const result = loadScenario(text, file);
    return { file, scenario: result.scenario, problems: result.problems.map(formatProblem) };
  });
