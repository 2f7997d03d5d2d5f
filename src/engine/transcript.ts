/**
 * Transcripts: a public JSON file format of timed trainee actions (docs/transcript-format.md).
 * Parsing never throws on bad input; every problem comes back with its line and path.
 */
import { LineCounter, parseDocument } from 'yaml';
import { didYouMean } from '../scenario/did-you-mean.ts';
import { z } from 'zod';
import type { LoadedScenario } from '../scenario/loader.ts';
import { formatPath, type PathSegment, type Problem } from '../scenario/problem.ts';
import { YamlLocator } from '../scenario/yaml-locator.ts';
import { formatDuration, parseDuration } from '../scenario/duration.ts';
import { isActionEntry, isFacilitatorEntry, type LogEntry } from './attempt-log.ts';
import { FACILITATOR_SCHEMAS, FACILITATOR_TYPES, isFacilitatorType } from './facilitator.ts';
import { SKILLS } from '../scenario/schema.ts';
import { namespaces } from '../scenario/references.ts';
import { ACTION_SCHEMAS, ACTION_TYPES, isActionType, type TraineeAction } from './actions.ts';
import type { TimedAction, TimedCommand, TimedInput } from './replay.ts';
import { MODES, type Mode } from './check-action.ts';

export interface Transcript {
  readonly scenario: string;
  readonly seed: number;
  readonly mode: Mode;
  /** The rubric weights the attempt was scored with, when not its mode's defaults (an interview's). */
  readonly weights?: Readonly<Record<string, number>>;
  /** Trainee actions and, from a facilitated attempt, the facilitator's commands, in time order. */
  readonly actions: readonly TimedInput[];
}

const Header = z.looseObject({
  scenario: z.string({ error: 'expected the scenario id as text' }),
  seed: z.number({ error: 'expected a whole number' }).int().optional(),
  mode: z.enum(MODES, { error: `expected one of ${MODES.join(', ')}` }).optional(),
  weights: z.strictObject(Object.fromEntries(SKILLS.map((d) => [d, z.number({ error: 'expected a weight as a number' }).min(0)])) as Record<(typeof SKILLS)[number], z.ZodNumber>, { error: `expected a weight for each of ${SKILLS.join(', ')}` }).optional(),
  actions: z.array(z.unknown(), { error: 'expected a list of actions' }),
});

export function parseTranscript(text: string, file: string, scenario: LoadedScenario): { transcript: Transcript | undefined; problems: Problem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const locator = new YamlLocator(doc, lines);
  const problems: Problem[] = [];
  const problem = (path: readonly PathSegment[], message: string, onKey = false) =>
    problems.push({ file, line: locator.line(path, onKey), path: formatPath(path), message, severity: 'error' });

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const line = position !== undefined ? lines.linePos(Number(position)).line : (doc.errors[0]?.linePos?.[0]?.line ?? 1);
    return { transcript: undefined, problems: [{ file, line, path: '(json)', message: `not valid JSON: ${message}`, severity: 'error' }] };
  }
  const header = Header.safeParse(data);
  if (!header.success) {
    for (const issue of header.error.issues) problem(issue.path.filter((p): p is PathSegment => typeof p !== 'symbol'), issue.message);
    return { transcript: undefined, problems };
  }
  for (const key of Object.keys(header.data)) {
    if (!['scenario', 'seed', 'mode', 'weights', 'actions', 'title', 'notes', 'author'].includes(key)) problem([key], `unknown key "${key}": expected scenario, seed, mode, actions (and optionally weights, title, notes, author)`, true);
  }
  if (header.data.scenario !== scenario.spec.id) problem(['scenario'], `transcript is for scenario "${header.data.scenario}" but the scenario file is "${scenario.spec.id}"`);

  const actions = readActions(
    header.data.actions.map((raw, i) => ({ raw, path: ['actions', i] })),
    scenario,
    problem,
    { facilitator: true },
  );
  if (problems.length > 0) return { transcript: undefined, problems };
  const weights = header.data.weights;
  return { transcript: { scenario: header.data.scenario, seed: header.data.seed ?? 0, mode: header.data.mode ?? 'practice', ...(weights ? { weights } : {}), actions: actions.map(({ path: _path, ...input }) => input) }, problems };
}

/** One action as written in a file, where it is, and the time to use when it has no "at" of its own. */
export interface RawAction {
  readonly raw: unknown;
  readonly path: readonly PathSegment[];
  readonly defaultAt?: string;
}

/** A valid action and where it was written. */
export interface LocatedAction extends TimedAction {
  readonly path: readonly PathSegment[];
}
export interface LocatedCommand extends TimedCommand {
  readonly path: readonly PathSegment[];
}

/**
 * Reads timed actions written in the transcript format (a transcript's `actions`, or the `do`
 * lists of a scenario's expert reference): each must have a time, in order, a known type with
 * its fields, and ids that exist in the scenario. Problems go to `problem`; only valid actions
 * come back.
 */
export function readActions(items: readonly RawAction[], scenario: LoadedScenario, problem: (path: readonly PathSegment[], message: string, onKey?: boolean) => void): LocatedAction[];
export function readActions(items: readonly RawAction[], scenario: LoadedScenario, problem: (path: readonly PathSegment[], message: string, onKey?: boolean) => void, options: { facilitator: true }): (LocatedAction | LocatedCommand)[];
export function readActions(items: readonly RawAction[], scenario: LoadedScenario, problem: (path: readonly PathSegment[], message: string, onKey?: boolean) => void, options: { facilitator?: boolean } = {}): (LocatedAction | LocatedCommand)[] {
  const names = namespaces(scenario.spec);
  const refs: Record<string, { field: string; set: ReadonlySet<string>; what: string }[]> = {
    'alert.acknowledge': [{ field: 'alert', set: names.alert, what: 'alert' }],
    'evidence.request': [{ field: 'source', set: names.evidence, what: 'evidence source' }],
    'escalation.send': [{ field: 'to', set: names['escalation target'], what: 'team or vendor' }],
    'mitigation.apply': [{ field: 'mitigation', set: names.mitigation, what: 'mitigation' }],
    'change.link': [{ field: 'change', set: names.change, what: 'change' }],
  };

  const actions: (LocatedAction | LocatedCommand)[] = [];
  let previous = 0;
  for (const { raw, path, defaultAt } of items) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      problem(path, 'expected an action like { "at": "5m", "type": "bridge.open" }');
      continue;
    }
    const { at: written, ...rest } = raw as Record<string, unknown>;
    const at = written ?? defaultAt;
    const t = typeof at === 'string' ? parseDuration(at) : undefined;
    if (t === undefined) problem([...path, 'at'], `${at === undefined ? 'missing "at"' : JSON.stringify(at) + ' is not a duration'}: expected a time since the start like 90s, 5m, 1h30m`);
    else if (t < previous) problem([...path, 'at'], `"${String(at)}" is earlier than the action before it; actions must be in time order`);
    else previous = t;
    const type = rest['type'];
    if (options.facilitator && typeof type === 'string' && isFacilitatorType(type)) {
      const parsed = FACILITATOR_SCHEMAS[type].safeParse(rest);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const sub = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
          if (issue.code === 'unrecognized_keys') issue.keys.forEach((key) => problem([...path, ...sub, key], `unknown field "${key}" for ${type}`, true));
          else problem([...path, ...sub], issue.message);
        }
      } else if (t !== undefined) actions.push({ t, command: parsed.data, path });
      continue;
    }
    if (typeof type !== 'string' || !isActionType(type)) {
      const known = options.facilitator ? [...ACTION_TYPES, ...FACILITATOR_TYPES] : ACTION_TYPES;
      const hint = typeof type === 'string' ? didYouMean(type, known) : '';
      problem([...path, 'type'], `unknown action type ${JSON.stringify(type)}${hint} (expected one of ${known.join(', ')})`);
      continue;
    }
    const parsed = ACTION_SCHEMAS[type].safeParse(rest);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const sub = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
        if (issue.code === 'unrecognized_keys') issue.keys.forEach((key) => problem([...path, ...sub, key], `unknown field "${key}" for ${type}`, true));
        else problem([...path, ...sub], issue.message);
      }
      continue;
    }
    const action: TraineeAction = parsed.data;
    let known = true;
    for (const ref of refs[type] ?? []) {
      const value = (action as unknown as Record<string, unknown>)[ref.field];
      if (typeof value === 'string' && !ref.set.has(value)) {
        problem([...path, ref.field], unknownId(ref.what, value, ref.set));
        known = false;
      }
    }
    if (action.type === 'escalation.send') {
      action.evidence.forEach((id, j) => {
        if (names.evidence.has(id)) return;
        problem([...path, 'evidence', j], unknownId('evidence source', id, names.evidence));
        known = false;
      });
    }
    if (t !== undefined && known) actions.push({ t, action, path });
  }
  return actions;
}

function unknownId(what: string, id: string, known: ReadonlySet<string>): string {
  const list = [...known];
  return `unknown ${what} "${id}"${didYouMean(id, list)} (known: ${list.join(', ') || 'none'})`;
}

/**
 * An attempt's log as a transcript file: what "Export transcript" downloads. Refused actions
 * are left out (replaying them would only be refused again); replaying the file gives the
 * same scorecard as the attempt.
 */
export function toTranscript(log: readonly LogEntry[], scenarioId: string, seed: number, mode: Mode): Record<string, unknown> {
  const actions = log.filter((entry) => isActionEntry(entry) || isFacilitatorEntry(entry)).map((entry) => ({ at: formatDuration(entry.t), ...(entry.payload as object) }));
  const start = log[0];
  const weights = start?.type === 'exercise.start' ? start.payload.weights : undefined;
  return { scenario: scenarioId, seed, mode, ...(weights ? { weights } : {}), actions };
}
