// A test driver that speaks the exercise's language:
//   const d = drive(scenario); d.at('7m').escalate('iam', ['signin-logs']); d.phase === 'investigating'
import { readFileSync } from 'node:fs';
import { checkScenario } from '../../src/engine/check-scenario.ts';
import { Exercise, type ExerciseOptions } from '../../src/engine/exercise.ts';
import type { LoadedScenario } from '../../src/scenario/loader.ts';
import { parseDuration } from '../../src/scenario/duration.ts';
import type { TraineeAction } from '../../src/engine/actions.ts';
import type { LogEntry } from '../../src/engine/attempt-log.ts';

export function loadScenarioFile(path: string): LoadedScenario {
  const { scenario, problems } = checkScenario(readFileSync(path, 'utf8'), path);
  if (!scenario) throw new Error(`test scenario ${path} is invalid:\n${problems.map((p) => `${p.line} ${p.path}: ${p.message}`).join('\n')}`);
  return scenario;
}

export const flagship = (): LoadedScenario => loadScenarioFile('scenarios/sso-outage-monday.yaml');

export const time = (text: string): number => {
  const ms = parseDuration(text);
  if (ms === undefined) throw new Error(`bad duration in test: ${text}`);
  return ms;
};

export class ExerciseDriver {
  readonly exercise: Exercise;
  constructor(scenario: LoadedScenario, options: ExerciseOptions = {}) {
    this.exercise = new Exercise(scenario, options);
  }
  get phase(): string {
    return this.exercise.phase;
  }
  get log(): readonly LogEntry[] {
    return this.exercise.log;
  }
  get last(): LogEntry | undefined {
    return this.exercise.log.at(-1);
  }
  at(when: string): this {
    this.exercise.advanceTo(time(when));
    return this;
  }
  act(action: TraineeAction): LogEntry {
    return this.exercise.act(action);
  }
  escalate(to: string, evidence: string[] = [], note = 'Users cannot sign in since 08:40; passwords ruled out.'): LogEntry {
    return this.act({ type: 'escalation.send', to, note, evidence });
  }
  request(source: string): LogEntry {
    return this.act({ type: 'evidence.request', source });
  }
  mitigate(mitigation: string): LogEntry {
    return this.act({ type: 'mitigation.apply', mitigation });
  }
  resolve(): LogEntry {
    return this.act({ type: 'incident.resolve', summary: 'Service restored.' });
  }
  entries(type: LogEntry['type']): LogEntry[] {
    return this.exercise.log.filter((e) => e.type === type);
  }
}

export const drive = (scenario: LoadedScenario, options: ExerciseOptions = {}) => new ExerciseDriver(scenario, options);
