import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { checkScenario } from '../../../src/engine/check-scenario.ts';
import { parseTranscript } from '../../../src/engine/transcript.ts';
import { playActions, type TimedInput } from '../../../src/engine/replay.ts';
import { writeAttemptFile } from '../../../src/store/attempt-file.ts';

/**
 * Hostile content: the flagship scenario with an HTML/script payload appended to every text a
 * person reads (titles, briefing, alert and report texts, evidence, messages, names), and an
 * attempt file on it whose trainee name, updates and RCA carry the payload too. Rendered as
 * text, the payload shows literally; rendered as HTML, it would set `window.__pwned`.
 */
export const PAYLOAD = ' <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

const TEXT_KEYS = new Set(['title', 'summary', 'briefing', 'text', 'description', 'message', 'notes', 'from', 'source', 'name', 'area', 'why', 'action']);

function poison(node: unknown, key?: string): unknown {
  if (typeof node === 'string') return key !== undefined && TEXT_KEYS.has(key) ? node + PAYLOAD : node;
  // Lists hold ids (a mitigation effect's `from` phases), never free text.
  if (Array.isArray(node)) return node.map((item) => poison(item));
  if (node !== null && typeof node === 'object') {
    // Expectations are the answer key (ids and keywords), and a reference step's `do` holds actions: left alone.
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === 'expectations' || k === 'do' ? v : poison(v, k)]));
  }
  return node;
}

const flagshipText = readFileSync('scenarios/sso-outage-monday.yaml', 'utf8');
const spec = poison(parse(flagshipText)) as Record<string, unknown>;
spec.id = 'hostile-sso';
export const HOSTILE_TITLE = String(spec.title);
export const hostileYaml = stringify(spec, { lineWidth: 0 });

const checked = checkScenario(hostileYaml, 'hostile.yaml');
if (!checked.scenario) throw new Error(`hostile scenario invalid: ${checked.problems.map((p) => p.message).join('; ')}`);
const scenario = checked.scenario;

const transcriptPath = 'test/transcripts/sso-outage-monday/expert.json';
// Parsed against the flagship (the transcript names it); the ids are the same in the hostile copy.
const flagship = checkScenario(flagshipText, 'flagship.yaml').scenario;
const transcript = flagship && parseTranscript(readFileSync(transcriptPath, 'utf8'), transcriptPath, flagship).transcript;
if (!transcript) throw new Error('expert transcript invalid on the hostile scenario');
const actions: TimedInput[] = transcript.actions.map((input) => {
  if (!('action' in input)) return input;
  const { action } = input;
  if (action.type === 'update.post') return { ...input, action: { ...action, text: action.text + PAYLOAD } };
  if (action.type === 'rca.submit') return { ...input, action: { ...action, rca: { ...action.rca, rootCause: action.rca.rootCause + PAYLOAD, proximateCause: action.rca.proximateCause + PAYLOAD } } };
  return input;
});
const exercise = playActions(scenario, actions, { seed: 5 });
export const HOSTILE_TRAINEE = `Mallory${PAYLOAD}`;
export const hostileAttemptFile = writeAttemptFile(
  { id: 'hostile1', scenarioId: scenario.spec.id, scenarioHash: scenario.hash, scenarioTitle: scenario.spec.title, mode: 'practice', seed: 5, settings: { speed: 1 }, status: 'scored', simTime: exercise.now, createdAt: '2026-11-26T08:00:00.000Z', updatedAt: '2026-11-26T09:00:00.000Z', owner: '', trainee: HOSTILE_TRAINEE },
  exercise.log,
  '2026-11-26T09:00:00.000Z',
);
