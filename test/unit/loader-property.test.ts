// Property test: whatever an author does to a scenario file (delete, duplicate or swap lines,
// mistype a value or a key, break the indentation, stray characters, a file cut short),
// checkScenario never throws. It either accepts the file with no errors, or reports at least
// one error, and every problem it reports points at a real line with a path and a one-line
// message, so `npm run check` can always print `file:LINE path: message`.
//
// Deterministic: fixed seeds and run counts. For a deeper local search, override them:
//   FUZZ_SCALE=10 FUZZ_SEED=7 npx vitest run test/unit/loader-property.test.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/engine/check-scenario.ts';
import { formatProblem, type Problem } from '../../src/scenario/problem.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BASES = {
  minimal: readFileSync(join(ROOT, 'test/fixtures/valid/minimal.yaml'), 'utf8'),
  sso: readFileSync(join(ROOT, 'scenarios/sso-outage-monday.yaml'), 'utf8'),
} as const;
const FILE = 'mutated.yaml';
const SEED = Number(process.env.FUZZ_SEED ?? 20_250_303);
const RUNS_SCALE = Number(process.env.FUZZ_SCALE ?? 1) || 1;

type Mutation =
  | { readonly kind: 'delete-line'; readonly at: number }
  | { readonly kind: 'duplicate-line'; readonly at: number }
  | { readonly kind: 'swap-lines'; readonly at: number; readonly other: number }
  | { readonly kind: 'replace-value'; readonly at: number; readonly value: string }
  | { readonly kind: 'replace-key'; readonly at: number; readonly key: string }
  | { readonly kind: 'indent'; readonly at: number; readonly by: number | 'tab' }
  | { readonly kind: 'insert'; readonly at: number; readonly column: number; readonly chars: string }
  | { readonly kind: 'truncate'; readonly at: number };

/** `key: value` or `- value` lines, the part before the value and the value. */
const VALUE_LINE = /^(\s*(?:- )?(?:[^\s#:][^:#]*:|"[^"]*":)\s+|\s*- )(\S.*)$/;
const KEY_LINE = /^(\s*(?:- )?)([^\s#:"][^:#]*|"[^"]*")(:.*)$/;

/** From line `at` (wrapping around), the first line matching `re`, or undefined. */
function findLine(lines: readonly string[], at: number, re: RegExp): number | undefined {
  for (let k = 0; k < lines.length; k++) {
    const i = (at + k) % lines.length;
    if (re.test(lines[i] ?? '')) return i;
  }
  return undefined;
}

export function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    if (m.kind === 'truncate') {
      out = out.slice(0, m.at % (out.length + 1));
      continue;
    }
    const lines = out.split('\n');
    const i = m.at % lines.length;
    const line = lines[i] ?? '';
    switch (m.kind) {
      case 'delete-line':
        lines.splice(i, 1);
        break;
      case 'duplicate-line':
        lines.splice(i, 0, line);
        break;
      case 'swap-lines': {
        const j = m.other % lines.length;
        lines[i] = lines[j] ?? '';
        lines[j] = line;
        break;
      }
      case 'replace-value': {
        const k = findLine(lines, i, VALUE_LINE);
        if (k !== undefined) lines[k] = (lines[k] ?? '').replace(VALUE_LINE, (_, head: string) => head + m.value);
        break;
      }
      case 'replace-key': {
        const k = findLine(lines, i, KEY_LINE);
        if (k !== undefined) lines[k] = (lines[k] ?? '').replace(KEY_LINE, (_, head: string, _key: string, tail: string) => head + m.key + tail);
        break;
      }
      case 'indent': {
        const body = line.trimStart();
        const indent = line.length - body.length;
        lines[i] = m.by === 'tab' ? `\t${body}` : ' '.repeat(Math.max(0, indent + m.by)) + body;
        break;
      }
      case 'insert': {
        const c = m.column % (line.length + 1);
        lines[i] = line.slice(0, c) + m.chars + line.slice(c);
        break;
      }
    }
    out = lines.join('\n');
  }
  return out;
}

const junkValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc
    .tuple(fc.integer({ min: -5, max: 100_000 }), fc.constantFrom('', 'm', 's', 'h', 'x', 'ms', 'h30m', 'm5', 'd', ' m', 'M', 'mm'))
    .map(([n, unit]) => `${n}${unit}`),
  fc.constantFrom(
    '', '~', 'null', 'true', 'no', '[]', '{}', '[[]]', '[a, [b]]', '{a: 1}', '"', "'", '""', ':', ': :', '- ', '-', '- x',
    '&a x', '*a', '*nope', '!!binary x', '!!map', '!!int 3', '!custom x', '|', '>', '|-', '#', '{a: 1', '[a', '? x',
    '__proto__', 'constructor', 'P1', 'P0', 'escalate:', 'escalate:iam', 'mitigate:x', 'declare-major', '0m', '0s',
    '99999999999999999999h', '1h1h', '08:40', '24:00', '8:40', '1e400', '.inf', '.nan', '0x1F', '<<: *a', 'resolved',
    'degraded', 'outage', 'restored', 'sso', 'dba', '\t', '\u00a0', '\ufeff', '%YAML 1.1', '---', '...',
  ),
);

const junkKey = fc.oneof(
  fc.string({ minLength: 1, maxLength: 8 }),
  fc.constantFrom(
    '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '0', '1', '1m', '0m', '<<', '?',
    'x y', 'id', 'phases', 'resolved', 'goto', 'requires', 'after', 'on', 'timeline', 'tmieline', '"escalate:iam"',
    '"escalate:no-such"', '"mitigate:x"', '"declare-major"', '"bridge:x"', '"priority:P9"', '"role:boss"', '"a:b:c"', '""',
  ),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('replace-value' as const), at: fc.nat(), value: junkValue }),
  fc.record({ kind: fc.constant('replace-key' as const), at: fc.nat(), key: junkKey }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.oneof(fc.integer({ min: -6, max: 6 }), fc.constant('tab' as const)) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    column: fc.nat(),
    chars: fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }),
      fc.constantFrom(':', ': ', '-', '- ', '#', ' #', '"', "'", '[', ']', '{', '}', '&', '*', '!', '|', '>', '%', '@', '`', '\t', '\r', '\n', '\u00a0', '\ufeff', '\0'),
    ),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

/** Lines an editor shows for the text, plus one (a parser may point just past the end). */
function maxLine(text: string): number {
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  return Math.max(lines, 1) + 1;
}

/** What is wrong with the result of checking `text`; empty when the contract holds. */
function contractViolations(text: string, result: ReturnType<typeof checkScenario>): string[] {
  const out: string[] = [];
  const { scenario, problems } = result;
  const errors = problems.filter((p) => p.severity === 'error');
  if (scenario !== undefined && errors.length > 0) out.push('returned a scenario together with errors');
  if (scenario === undefined && errors.length === 0) out.push('returned no scenario but reported no error');
  const last = maxLine(text);
  for (const p of problems as readonly Problem[]) {
    const shown = JSON.stringify(p);
    if (!Number.isInteger(p.line) || p.line < 1 || p.line > last) out.push(`line ${p.line} is not within 1..${last}: ${shown}`);
    if (typeof p.message !== 'string' || p.message.trim() === '') out.push(`empty message: ${shown}`);
    const formatted = formatProblem(p);
    if (/[\r\n]/.test(formatted)) out.push(`formatProblem spans several lines, so the CLI would not print one line per problem: ${shown}`);
    if (typeof p.path !== 'string' || p.path.trim() === '') out.push(`empty path: ${shown}`);
    if (p.file !== FILE) out.push(`wrong file: ${shown}`);
    if (p.severity !== 'error' && p.severity !== 'warning') out.push(`bad severity: ${shown}`);
  }
  return out;
}

function holdsFor(base: string, applied: readonly Mutation[]): void {
  const text = mutate(base, applied);
  let result: ReturnType<typeof checkScenario>;
  try {
    result = checkScenario(text, FILE);
  } catch (error) {
    throw new Error(`checkScenario threw on the mutated text:\n${text}\n--- end of text ---\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  const violations = contractViolations(text, result);
  expect(violations, `${violations.join('\n')}\nproblems:\n${result.problems.map(formatProblem).join('\n')}`).toEqual([]);
}

describe('checkScenario on mutated scenario files', () => {
  it('the mutations do something (sanity check of the generator)', () => {
    const base = BASES.minimal;
    expect(mutate(base, [{ kind: 'delete-line', at: 3 }]).split('\n')).toHaveLength(base.split('\n').length - 1);
    expect(mutate(base, [{ kind: 'replace-value', at: 4, value: '2x' }])).toContain('title: 2x');
    expect(mutate(base, [{ kind: 'replace-key', at: 3, key: 'tmieline' }])).toContain('tmieline: payments-db-disk-full');
    expect(mutate(base, [{ kind: 'indent', at: 3, by: 2 }])).toContain('\n  id: payments-db-disk-full\n');
    expect(mutate(base, [{ kind: 'truncate', at: 10 }])).toBe(base.slice(0, 10));
    // And the bases themselves are valid, so every error below comes from a mutation.
    for (const text of Object.values(BASES)) expect(checkScenario(text, FILE).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('never throws and always reports located errors (minimal.yaml)', () => {
    fc.assert(
      fc.property(mutations, (applied) => holdsFor(BASES.minimal, applied)),
      { numRuns: Math.round(600 * RUNS_SCALE), seed: SEED },
    );
  });

  it('never throws and always reports located errors (sso-outage-monday.yaml)', () => {
    fc.assert(
      fc.property(mutations, (applied) => holdsFor(BASES.sso, applied)),
      { numRuns: Math.round(250 * RUNS_SCALE), seed: SEED + 1 },
    );
  });
});

// Cases the property test found (fixed in src since): kept as plain examples.
describe('examples found by the property test', () => {
  const locatedError = (text: string) => {
    const { scenario, problems } = checkScenario(text, FILE);
    expect(scenario).toBeUndefined();
    expect(problems.length).toBeGreaterThan(0);
    expect(contractViolations(text, { scenario, problems })).toEqual([]);
    return problems;
  };

  it('an alias to a missing anchor is a located error, not a crash ("Unresolved alias")', () => {
    const problems = locatedError('id: payments\ntitle: *nope\n');
    expect(problems.map(formatProblem)).toContainEqual(expect.stringMatching(/^mutated\.yaml:2 \S+: .*alias/i));
  });

  it('too many aliases are a located error, not a crash ("Excessive alias count")', () => {
    const row = (name: string, item: string) => `${name}: &${name} [${Array.from({ length: 10 }, () => item).join(', ')}]`;
    locatedError([row('a', 'x'), row('b', '*a'), row('c', '*b'), row('d', '*c')].join('\n'));
  });

  it('a value with a line break in it still gives one line per problem', () => {
    const block = BASES.minimal.replace('difficulty: intro\n', 'difficulty: |\n  intro\n');
    const lines = locatedError(block).map(formatProblem);
    expect(lines).toContainEqual(expect.stringMatching(/^mutated\.yaml:9 difficulty: "intro\\n" is not a /));
    for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
  });

  it('keeps one line per problem when a key has a stray carriage return ("\\rservices:")', () => {
    const { problems } = checkScenario(BASES.minimal.replace('\nservices:', '\n\rservices:'), FILE);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(formatProblem(p)).not.toMatch(/[\r\n]/);
  });
});

// Not a mutation of a real file: any text at all, including valid YAML of the wrong shape.
describe('checkScenario on any text at all', () => {
  const yamlish = fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value));
  const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 120 }), yamlish, fc.jsonValue({ maxDepth: 3 }).map((phases) => `id: x\nphases: ${JSON.stringify(phases)}\n`));

  it('never throws and always reports located errors', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let result: ReturnType<typeof checkScenario>;
        try {
          result = checkScenario(text, FILE);
        } catch (error) {
          throw new Error(`checkScenario threw on ${JSON.stringify(text).slice(0, 300)}: ${error instanceof Error ? error.stack : String(error)}`);
        }
        expect(contractViolations(text, result)).toEqual([]);
      }),
      { numRuns: Math.round(400 * RUNS_SCALE), seed: SEED + 2 },
    );
  });
});
