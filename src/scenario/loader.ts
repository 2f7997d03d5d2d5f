import { LineCounter, parseDocument } from 'yaml';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { z } from 'zod';
import { describe, ScenarioSchema, type Scenario } from './schema.ts';
import { formatPath, hasErrors, type PathSegment, type Problem } from './problem.ts';
import { YamlLocator } from './yaml-locator.ts';
import { checkReferences } from './references.ts';
import { parseDuration, type SimMs } from './duration.ts';

/** A scenario that passed the schema and reference checks, with what the engine needs precomputed. */
export interface LoadedScenario {
  readonly spec: Scenario;
  readonly file: string;
  /** sha-256 of the file text: an attempt records it so a changed scenario is noticed. */
  readonly hash: string;
  readonly initialPhase: string;
  readonly duration: SimMs;
}

export interface LoadResult {
  readonly scenario: LoadedScenario | undefined;
  readonly problems: readonly Problem[];
  /** Finds the line of a document path, for checks that run after loading (reachability). */
  readonly locate: (path: readonly PathSegment[], onKey?: boolean) => number;
}

export function contentHash(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * Limits on what a scenario file may hold, so a huge or generated file is refused with a
 * message instead of freezing the page while it is parsed, compiled and explored. The
 * largest built-in scenario is about 65 kB with under 70 timeline entries.
 */
export const SCENARIO_LIMITS = {
  /** Characters of YAML text (about bytes for ASCII text): 500 kB, parsed in well under a second. */
  maxChars: 500_000,
  /** Timeline entries (scripted alerts and reports) across all phases. */
  maxTimelineEntries: 2_000,
} as const;

const size = (n: number): string => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.ceil(n / 1000)} kB`);

/**
 * Parses and validates one scenario file's text. Never throws on bad input. `limits` can lift
 * SCENARIO_LIMITS for trusted, generated input (the benchmark's storm scenarios); files from
 * people always get the defaults.
 */
export function loadScenario(text: string, file: string, options: { readonly limits?: Partial<Record<keyof typeof SCENARIO_LIMITS, number>> } = {}): LoadResult {
  const limits = { ...SCENARIO_LIMITS, ...options.limits };
  if (text.length > limits.maxChars) {
    return {
      scenario: undefined,
      problems: [{ file, line: 1, path: '(document)', message: `the file is ${size(text.length)}; a scenario may be at most ${size(limits.maxChars)}, so it was not read`, severity: 'error' }],
      locate: () => 1,
    };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const locator = new YamlLocator(doc, lines);
  const locate = (path: readonly PathSegment[], onKey = false) => locator.line(path, onKey);
  const problem = (path: readonly PathSegment[], message: string, onKey = false, severity: Problem['severity'] = 'error'): Problem => ({
    file,
    line: locate(path, onKey),
    path: formatPath(path),
    message,
    severity,
  });

  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) => ({
      file,
      line: error.linePos?.[0]?.line ?? lines.linePos(error.pos[0]).line,
      path: '(yaml)',
      message: `YAML syntax error: ${firstLine(error.message)}`,
      severity: 'error' as const,
    }));
    return { scenario: undefined, problems, locate };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Alias problems surface only when the document is turned into data.
    const message = error instanceof Error ? error.message : String(error);
    const alias = /alias[^:]*:\s*(\S+)/i.exec(message)?.[1];
    const offset = alias === undefined ? -1 : text.indexOf(`*${alias}`);
    const line = offset >= 0 ? lines.linePos(offset).line : 1;
    return { scenario: undefined, problems: [{ file, line, path: '(yaml)', message: `YAML error: ${firstLine(message)}`, severity: 'error' }], locate };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { scenario: undefined, problems: [problem([], 'expected a mapping with id, title, phases, ... at the top of the file')], locate };
  }

  const tooMany = timelineOverflow(data, limits.maxTimelineEntries);
  if (tooMany) return { scenario: undefined, problems: [problem(['phases', tooMany.phase, 'timeline'], `the scenario has ${tooMany.total} timeline entries; at most ${limits.maxTimelineEntries} are allowed across all phases (this phase has ${tooMany.inPhase})`, true)], locate };

  const parsed = ScenarioSchema.safeParse(data, { error: defaultMessage });
  if (!parsed.success) return { scenario: undefined, problems: schemaProblems(parsed.error.issues, data, problem), locate };

  const spec = parsed.data;
  const problems = checkReferences(spec, problem);
  if (hasErrors(problems)) return { scenario: undefined, problems, locate };
  const initialPhase = Object.keys(spec.phases)[0] ?? '';
  const scenario: LoadedScenario = {
    spec,
    file,
    hash: contentHash(text),
    initialPhase,
    duration: parseDuration(spec.duration) ?? (0 as SimMs),
  };
  return { scenario, problems, locate };
}

/** The phase with the most timeline entries, when all phases together have more than the limit. */
function timelineOverflow(data: object, max: number): { phase: string; total: number; inPhase: number } | undefined {
  const phases = (data as { phases?: unknown }).phases;
  if (phases === null || typeof phases !== 'object') return undefined;
  let total = 0;
  let biggest: { phase: string; inPhase: number } | undefined;
  for (const [phase, body] of Object.entries(phases)) {
    const timeline = body !== null && typeof body === 'object' ? (body as { timeline?: unknown }).timeline : undefined;
    if (!Array.isArray(timeline)) continue;
    total += timeline.length;
    if (!biggest || timeline.length > biggest.inPhase) biggest = { phase, inPhase: timeline.length };
  }
  return total > max && biggest ? { ...biggest, total } : undefined;
}

type MakeProblem = (path: readonly PathSegment[], message: string, onKey?: boolean, severity?: Problem['severity']) => Problem;

/** Messages for the checks the schema does not word itself (numbers, booleans, list sizes). */
function defaultMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : issue.expected}, got ${describe(issue.input)}`;
    case 'too_small':
      return issue.origin === 'array' ? `expected at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}` : `expected at least ${String(issue.minimum)}, got ${describe(issue.input)}`;
    case 'too_big':
      return issue.origin === 'array' ? `expected at most ${String(issue.maximum)} items` : `expected at most ${String(issue.maximum)}, got ${describe(issue.input)}`;
    default:
      return undefined;
  }
}

/** Whether the value at `path` is present in the parsed data (zod does not keep the input on its issues). */
function present(data: unknown, path: readonly PathSegment[]): boolean {
  let node: unknown = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return false;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node !== undefined;
}

function schemaProblems(issues: readonly z.core.$ZodIssue[], data: unknown, problem: MakeProblem): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const messages = issue.message.split('\n');
      issue.keys.forEach((key, index) => out.push(problem([...path, key], messages[index] ?? `unknown key "${key}"`, true)));
    } else if (issue.code === 'invalid_key') {
      out.push(problem(path, issue.issues[0]?.message ?? issue.message, true));
    } else if (issue.code === 'invalid_element') {
      out.push(problem(path, issue.issues[0]?.message ?? issue.message));
    } else if (issue.code !== 'custom' && !present(data, path) && typeof path.at(-1) === 'string') {
      out.push(problem(path.slice(0, -1), `missing key "${String(path.at(-1))}": ${issue.message.replace(/, got nothing$/, '')}`));
    } else {
      out.push(problem(path, issue.message));
    }
  }
  return out;
}

const firstLine = (message: string): string => message.split('\n')[0] ?? message;
