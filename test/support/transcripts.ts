import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseTranscript, type Transcript } from '../../src/engine/transcript.ts';
import { playActions, type TimedAction, type TimedInput } from '../../src/engine/replay.ts';
import { score } from '../../src/scoring/score.ts';
import type { Scorecard } from '../../src/scoring/scorecard.ts';
import type { LoadedScenario } from '../../src/scenario/loader.ts';
import { loadScenarioFile } from './exercise-driver.ts';

export const LEVELS = ['expert', 'mediocre', 'poor'] as const;
export type SkillLevel = (typeof LEVELS)[number];

/** A trainee's transcript: the test transcripts carry no facilitator commands. */
export type TraineeTranscript = Omit<Transcript, 'actions'> & { readonly actions: readonly TimedAction[] };

export interface TranscriptSet {
  readonly id: string;
  readonly scenario: LoadedScenario;
  readonly transcripts: Record<SkillLevel, TraineeTranscript>;
}

/** Every scenario in scenarios/ that has test/transcripts/<id>/{expert,mediocre,poor}.json. */
export function transcriptSets(): TranscriptSet[] {
  const out: TranscriptSet[] = [];
  for (const file of readdirSync('scenarios').filter((f) => /\.ya?ml$/.test(f))) {
    const scenario = loadScenarioFile(`scenarios/${file}`);
    const dir = `test/transcripts/${scenario.spec.id}`;
    if (!LEVELS.every((level) => existsSync(`${dir}/${level}.json`))) continue;
    const read = (level: SkillLevel): TraineeTranscript => {
      const path = `${dir}/${level}.json`;
      const { transcript, problems } = parseTranscript(readFileSync(path, 'utf8'), path, scenario);
      if (!transcript) throw new Error(`${path}: ${problems.map((p) => `${p.line} ${p.message}`).join('; ')}`);
      const actions = transcript.actions.flatMap((input) => ('action' in input ? [input] : []));
      if (actions.length !== transcript.actions.length) throw new Error(`${path}: test transcripts hold trainee actions only`);
      return { ...transcript, actions };
    };
    out.push({ id: scenario.spec.id, scenario, transcripts: { expert: read('expert'), mediocre: read('mediocre'), poor: read('poor') } });
  }
  return out;
}

export function scoreActions(scenario: LoadedScenario, actions: readonly TimedInput[], seed = 0): Scorecard {
  const exercise = playActions(scenario, actions, { seed });
  return score(scenario, exercise.log);
}

export const evidenceText = (card: Scorecard, dimension: keyof Scorecard['dimensions']): string => card.dimensions[dimension].evidence.map((e) => e.text).join('\n');
