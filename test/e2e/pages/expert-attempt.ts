import { readFileSync } from 'node:fs';
import { checkScenario } from '../../../src/engine/check-scenario.ts';
import { parseTranscript } from '../../../src/engine/transcript.ts';
import { playActions } from '../../../src/engine/replay.ts';
import { score } from '../../../src/scoring/score.ts';
import { writeAttemptFile } from '../../../src/store/attempt-file.ts';

// The expert play-through, stored as an attempt file the way the app writes one.
const scenarioPath = 'scenarios/sso-outage-monday.yaml';
const scenario = checkScenario(readFileSync(scenarioPath, 'utf8'), scenarioPath).scenario;
if (!scenario) throw new Error('flagship scenario invalid');
const transcriptPath = 'test/transcripts/sso-outage-monday/expert.json';
const transcript = parseTranscript(readFileSync(transcriptPath, 'utf8'), transcriptPath, scenario).transcript;
if (!transcript) throw new Error('expert transcript invalid');
const exercise = playActions(scenario, transcript.actions, { seed: 21 });
export const expected = score(scenario, exercise.log);
export const fileText = writeAttemptFile(
  { id: 'expert01', scenarioId: scenario.spec.id, scenarioHash: scenario.hash, scenarioTitle: scenario.spec.title, mode: 'practice', seed: 21, settings: { speed: 1 }, status: 'scored', simTime: exercise.now, createdAt: '2026-11-26T08:00:00.000Z', updatedAt: '2026-11-26T09:00:00.000Z', owner: '', trainee: 'Sam Rivera' },
  exercise.log,
  '2026-11-26T09:00:00.000Z',
);

