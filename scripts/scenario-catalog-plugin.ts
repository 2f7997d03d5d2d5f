/**
 * Vite plugin: `virtual:scenario-catalog` is what the library page shows of the built-in scenarios
 * (title, summary, difficulty, length, services; or the file's problems), worked out at build time
 * with the app's own loader. The library renders from it without the scenario texts, the YAML
 * parser or the validator; the full scenarios load with the first page that plays or scores one.
 * See docs/performance.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadScenario } from '../src/scenario/loader.ts';
import { formatProblem } from '../src/scenario/problem.ts';

const ID = 'virtual:scenario-catalog';
const RESOLVED = `\0${ID}`;

export function scenarioCatalog(dir = 'scenarios'): Plugin {
  return {
    name: 'incident-drill-scenario-catalog',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const root = resolve(dir);
      const files = readdirSync(root).filter((f) => /\.ya?ml$/.test(f)).sort();
      const catalog = files.map((name) => {
        const path = join(root, name);
        this.addWatchFile(path);
        const file = `${dir}/${name}`;
        const { scenario, problems } = loadScenario(readFileSync(path, 'utf8'), file);
        if (!scenario) return { file, problems: problems.map(formatProblem) };
        const { id: scenarioId, title, summary, difficulty, duration, clockStart, area, skills, services } = scenario.spec;
        return {
          file,
          problems: problems.map(formatProblem),
          scenario: { duration: scenario.duration, spec: { id: scenarioId, title, summary, difficulty, duration, clockStart, area, skills, services: services.map((s) => ({ name: s.name })) } },
        };
      });
      return `export const catalog = ${JSON.stringify(catalog)};`;
    },
  };
}
