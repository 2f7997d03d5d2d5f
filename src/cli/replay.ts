/**
 * `npm run replay -- scenarios/x.yaml transcript.json [--json]`: plays a transcript against a
 * scenario headless and prints the scorecard. Same inputs, byte-identical output.
 */
import { checkScenario } from '../engine/check-scenario.ts';
import { parseTranscript } from '../engine/transcript.ts';
import { playActions } from '../engine/replay.ts';
import { formatProblem, type Problem } from '../scenario/problem.ts';
import { score } from '../scoring/score.ts';
import { formatScorecard } from './format-scorecard.ts';
import { displayPath, readText } from './scenario-files.ts';

const args = process.argv.slice(2).filter((arg) => arg !== '--');
const json = args.includes('--json');
const [scenarioPath, transcriptPath, ...extra] = args.filter((arg) => arg !== '--json');

function fail(lines: readonly string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

if (scenarioPath === undefined || transcriptPath === undefined || extra.length > 0) {
  fail(['usage: npm run replay -- <scenario.yaml> <transcript.json> [--json]']);
}
const scenarioFile = displayPath(scenarioPath);
const transcriptFile = displayPath(transcriptPath);
const scenarioText = readText(scenarioPath);
if ('error' in scenarioText) fail([`${scenarioFile}:1 (file): ${scenarioText.error}`]);
const checked = checkScenario(scenarioText.text, scenarioFile);
if (!checked.scenario) fail(checked.problems.map(formatProblem));
const scenario = checked.scenario;

const transcriptText = readText(transcriptPath);
if ('error' in transcriptText) fail([`${transcriptFile}:1 (file): ${transcriptText.error}`]);
const { transcript, problems } = parseTranscript(transcriptText.text, transcriptFile, scenario);
if (!transcript) fail(problems.map((p: Problem) => formatProblem(p)));

const exercise = playActions(scenario, transcript.actions, { seed: transcript.seed, mode: transcript.mode });
const card = score(scenario, exercise.log, transcript.mode);
if (json) {
  process.stdout.write(`${JSON.stringify(card, null, 2)}\n`);
} else {
  process.stdout.write(formatScorecard(scenario, card, exercise.log));
}
