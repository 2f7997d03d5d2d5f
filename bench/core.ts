/**
 * The core's part of `npm run bench`, run in Node (tsx): replaying every shipped scenario's expert
 * transcript, and the generated storm scenario at 1k/10k/100k injects. Prints one JSON object.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadScenario } from '../src/scenario/loader.ts';
import { parseTranscript } from '../src/engine/transcript.ts';
import { playActions } from '../src/engine/replay.ts';
import { score } from '../src/scoring/score.ts';
import { stormScenario } from './storm.ts';

const quick = process.argv.includes('--quick');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};
const round = (x: number, digits = 1) => Number(x.toFixed(digits));

/** Load + compile + replay + score, from the file texts: what `npm run replay` does minus printing. */
function replayOnce(scenarioText: string, file: string, transcriptText: string): { simMs: number } {
  const { scenario } = loadScenario(scenarioText, file);
  if (!scenario) throw new Error(`${file} does not load`);
  const { transcript } = parseTranscript(transcriptText, 'expert.json', scenario);
  if (!transcript) throw new Error(`${file}: expert transcript does not parse`);
  const exercise = playActions(scenario, transcript.actions, { seed: transcript.seed, mode: transcript.mode });
  score(scenario, exercise.log, transcript.mode);
  return { simMs: exercise.now };
}

const runs = quick ? 3 : 15;
const replay: Record<string, number> = {};
const realtime: Record<string, number> = {};
const cases = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((name) => ({ name, id: name.replace(/\.yaml$/, '') }))
  .filter(({ id }) => existsSync(`test/transcripts/${id}/expert.json`))
  .map(({ name, id }) => ({ name, id, text: readFileSync(`scenarios/${name}`, 'utf8'), transcript: readFileSync(`test/transcripts/${id}/expert.json`, 'utf8') }));
// One pass over every scenario first, so the first one measured does not pay for the JIT warming up.
for (const { name, text, transcript } of cases) replayOnce(text, `scenarios/${name}`, transcript);
for (const { name, id, text, transcript } of cases) {
  const times: number[] = [];
  let simMs = 0;
  for (let i = 0; i < runs + 2; i++) {
    const start = performance.now();
    simMs = replayOnce(text, `scenarios/${name}`, transcript).simMs;
    if (i >= 2) times.push(performance.now() - start);
  }
  replay[id] = round(median(times), 2);
  realtime[id] = Math.round(simMs / median(times));
  process.stderr.write(`  replay ${id}: ${replay[id]} ms (${realtime[id]}× real time)\n`);
}

/** Where the last run of each storm size spent its time, flat ("10000_load": ms) so every value is a number. */
const stormParts: Record<string, number> = {};

/**
 * A generated storm (the YAML text is made beforehand), median of `repeat` runs. `ms`: compile +
 * replay + score of the parsed scenario (what `storm_10k_ms` reports); `withLoadMs`: the same
 * plus parsing, validating and hashing its text (about 2.8 MB at 10k injects).
 */
function storm(injects: number, actions: number, repeat: number): { ms: number; withLoadMs: number } {
  const { text, actions: list } = stormScenario(injects, actions);
  const times: number[] = [];
  const withLoad: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    const { scenario, problems } = loadScenario(text, `storm-${injects}.yaml`, { limits: { maxChars: Infinity, maxTimelineEntries: Infinity } });
    if (!scenario) throw new Error(`storm scenario does not load: ${JSON.stringify(problems.slice(0, 3))}`);
    const loaded = performance.now();
    const exercise = playActions(scenario, list, { seed: 1, mode: 'practice' });
    const replayed = performance.now();
    score(scenario, exercise.log, 'practice');
    const end = performance.now();
    const acks = exercise.log.filter((e) => e.type === 'alert.acknowledge').length;
    if (acks !== list.length) throw new Error(`storm: ${acks} of ${list.length} acknowledgements accepted`);
    times.push(end - loaded);
    withLoad.push(end - start);
    stormParts[`${injects}_load`] = Math.round(loaded - start);
    stormParts[`${injects}_replay`] = Math.round(replayed - loaded);
    stormParts[`${injects}_score`] = Math.round(end - replayed);
  }
  return { ms: round(median(times), 0), withLoadMs: round(median(withLoad), 0) };
}

const scaling: Record<string, number> = {};
const scalingWithLoad: Record<string, number> = {};
for (const [injects, repeat] of [[1000, 3], [10_000, 3], [100_000, 1]] as const) {
  if (quick && injects > 10_000) continue;
  const result = storm(injects, injects / 5, quick ? 1 : repeat);
  scaling[String(injects)] = result.ms;
  scalingWithLoad[String(injects)] = result.withLoadMs;
  process.stderr.write(`  storm ${injects} injects / ${injects / 5} actions: ${result.ms} ms compile+replay+score, ${result.withLoadMs} ms with loading the text (last run: load ${stormParts[`${injects}_load`]}, replay ${stormParts[`${injects}_replay`]}, score ${stormParts[`${injects}_score`]})\n`);
}

process.stdout.write(`${JSON.stringify({ replay_ms_per_scenario: replay, replay_x_realtime: realtime, storm_10k_ms: scaling['10000'], storm_10k_with_load_ms: scalingWithLoad['10000'], storm_scaling_ms: scaling, storm_scaling_with_load_ms: scalingWithLoad, storm_parts_ms: stormParts })}\n`);
