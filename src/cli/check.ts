/**
 * `npm run check [-- file.yaml ...]`: validates scenario files. Prints one line per problem,
 * `file:LINE path: what is wrong, and what was expected`; exits 1 if any is an error.
 */
import { checkScenario } from '../engine/check-scenario.ts';
import { formatProblem, hasErrors, type Problem } from '../scenario/problem.ts';
import { displayPath, readText, scenarioFiles } from './scenario-files.ts';

const files = scenarioFiles(process.argv.slice(2).filter((arg) => arg !== '--'));
const problems: Problem[] = [];
const ids = new Map<string, string>();
let valid = 0;

if (files.length === 0) console.error('No scenario files found: expected *.yaml files in scenarios/ or paths as arguments.');
for (const path of files) {
  const file = displayPath(path);
  const read = readText(path);
  if ('error' in read) {
    problems.push({ file, line: 1, path: '(file)', message: read.error, severity: 'error' });
    continue;
  }
  const result = checkScenario(read.text, file);
  problems.push(...result.problems);
  if (result.scenario) {
    const other = ids.get(result.scenario.spec.id);
    if (other) {
      problems.push({ file, line: 1, path: 'id', message: `duplicate scenario id "${result.scenario.spec.id}": ${other} uses it too; every scenario needs its own id`, severity: 'error' });
    } else {
      ids.set(result.scenario.spec.id, file);
      valid += 1;
    }
  }
}
for (const problem of problems) console.log(formatProblem(problem));
// exitCode rather than exit(): exit() can cut off output still queued for a pipe.
if (files.length === 0 || hasErrors(problems)) {
  if (files.length > 0) console.error(`${files.length - valid} of ${files.length} scenario file${files.length > 1 ? 's have' : ' has'} errors.`);
  process.exitCode = 1;
} else {
  console.log(`${valid} scenario file${valid === 1 ? '' : 's'} valid.`);
}
