/**
 * `npm run replay -- scenarios/x.yaml transcript.json [--json]`: plays a transcript against a
 * scenario headless and prints the scorecard. Same inputs, byte-identical output.
 */
import { checkScenario } from '../engine/check-scenario.ts';
import { parseTranscript } from '../engine/transcript.ts';
import { playActions } from '../engine/replay.ts';
import { formatProblem } from '../scenario/problem.ts';
import { score } from '../scoring/score.ts';
import { formatScorecard } from './format-scorecard.ts';
import { displayPath, readText } from './scenario-files.ts';

/** Returns the lines for stdout, or the problems for stderr. */
function run(argv: readonly string[]): { out: string } | { errors: readonly string[] } {
  const args = argv.filter((arg) => arg !== '--');
  const json = args.includes('--json');
  const [scenarioPath, transcriptPath, ...extra] = args.filter((arg) => arg !== '--json');
  if (scenarioPath === undefined || transcriptPath === undefined || extra.length > 0) {
    return { errors: ['usage: npm run replay -- <scenario.yaml> <transcript.json> [--json]'] };
  }
  const scenarioFile = displayPath(scenarioPath);
  const transcriptFile = displayPath(transcriptPath);
  const scenarioText = readText(scenarioPath);
  if ('error' in scenarioText) return { errors: [`${scenarioFile}:1 (file): ${scenarioText.error}`] };
  const checked = checkScenario(scenarioText.text, scenarioFile);
  if (!checked.scenario) return { errors: checked.problems.map(formatProblem) };
  const scenario = checked.scenario;

  const transcriptText = readText(transcriptPath);
  if ('error' in transcriptText) return { errors: [`${transcriptFile}:1 (file): ${transcriptText.error}`] };
  const { transcript, problems } = parseTranscript(transcriptText.text, transcriptFile, scenario);
  if (!transcript) return { errors: problems.map(formatProblem) };

  const exercise = playActions(scenario, transcript.actions, { seed: transcript.seed, mode: transcript.mode, ...(transcript.weights ? { weights: transcript.weights } : {}) });
  const card = score(scenario, exercise.log, transcript.mode);
  return { out: json ? `${JSON.stringify(card, null, 2)}\n` : formatScorecard(scenario, card, exercise.log) };
}

const result = run(process.argv.slice(2));
if ('out' in result) {
  process.stdout.write(result.out);
} else {
  process.stderr.write(`${result.errors.join('\n')}\n`);
  // exitCode rather than exit(): exit() can cut off output still queued for a pipe.
  process.exitCode = 1;
}
