// Every kind of mistake an author can make in a scenario file has a fixture in
// test/fixtures/invalid/. The first line of each fixture says where the validator must point
// and what it must say:
//
//   # expect: LINE message-fragment
//
// An optional second line `# known-issue: ...` marks a fixture whose expectation is what a user
// should see but the validator does not report yet. Its location check runs as `it.fails`, so it
// stays green while the bug is there and turns red once the bug is fixed: then delete the
// known-issue line.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/engine/check-scenario.ts';
import { formatProblem, type Problem } from '../../src/scenario/problem.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const INVALID_DIR = 'test/fixtures/invalid';
const VALID_FILE = 'test/fixtures/valid/minimal.yaml';
const SCENARIO_DIR = 'scenarios';

const read = (relativePath: string): string => readFileSync(join(ROOT, relativePath), 'utf8');
const yamlFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `${dir}/${name}`);
const errorsOf = (problems: readonly Problem[]): Problem[] => problems.filter((p) => p.severity === 'error');
const listing = (problems: readonly Problem[]): string => (problems.length === 0 ? '(no problems)' : problems.map(formatProblem).join('\n'));

interface Fixture {
  readonly file: string;
  readonly name: string;
  readonly text: string;
  readonly line: number;
  readonly fragment: string;
  readonly knownIssue: string | undefined;
}

function fixture(file: string): Fixture {
  const text = read(file);
  const [first = '', second = ''] = text.split('\n');
  const expectMatch = /^# expect: (\d+) (\S.*)$/.exec(first);
  if (!expectMatch) throw new Error(`${file}: the first line must be "# expect: LINE message-fragment", found ${JSON.stringify(first)}`);
  const known = /^# known-issue: (\S.*)$/.exec(second);
  return {
    file,
    name: file.slice(INVALID_DIR.length + 1).replace(/\.ya?ml$/, ''),
    text,
    line: Number(expectMatch[1]),
    fragment: (expectMatch[2] ?? '').trimEnd(),
    knownIssue: known?.[1],
  };
}

const fixtures = yamlFiles(INVALID_DIR).map(fixture);

/** The kinds of mistake that must each have a fixture; more are welcome. */
const REQUIRED_KINDS = [
  'yaml-syntax',
  'wrong-type-title',
  'wrong-type-tier',
  'bad-duration',
  'unknown-key-typo',
  'unknown-top-level-key',
  'missing-required-key',
  'duplicate-service-id',
  'duplicate-alert-id',
  'duplicate-team-vendor-id',
  'duplicate-yaml-key',
  'unknown-service',
  'unknown-escalation-team',
  'unknown-on-escalation-target',
  'unknown-escalation-evidence',
  'unknown-after-target',
  'unknown-goto-phase',
  'unknown-mitigation-trigger',
  'malformed-trigger',
  'timeline-beyond-duration',
  'escalation-beyond-duration',
  'unreachable-phase',
  'unreachable-resolved',
  'no-resolved-phase',
  'bad-enum',
  'bad-clock-start',
];

describe('invalid scenario fixtures', () => {
  it('has one fixture for every required kind of mistake', () => {
    const names = fixtures.map((f) => f.name);
    expect(REQUIRED_KINDS.filter((kind) => !names.includes(kind))).toEqual([]);
  });

  for (const fx of fixtures) {
    describe(fx.name, () => {
      it('is rejected with at least one error', () => {
        const { scenario, problems } = checkScenario(fx.text, fx.file);
        expect(scenario).toBeUndefined();
        expect(errorsOf(problems).length, listing(problems)).toBeGreaterThan(0);
        for (const problem of problems) expect(problem.file).toBe(fx.file);
      });

      const located = fx.knownIssue === undefined ? it : it.fails;
      const title = `reports line ${fx.line}: …${fx.fragment}…${fx.knownIssue === undefined ? '' : ` (KNOWN ISSUE, expected to fail: ${fx.knownIssue})`}`;
      located(title, () => {
        const { problems } = checkScenario(fx.text, fx.file);
        const hit = errorsOf(problems).some((p) => p.line === fx.line && p.message.includes(fx.fragment));
        expect(hit, `expected an error at ${fx.file}:${fx.line} containing ${JSON.stringify(fx.fragment)}; the validator reported:\n${listing(problems)}`).toBe(true);
      });
    });
  }
});

describe('line numbers', () => {
  it('are the same when a file has Windows (CRLF) line endings', () => {
    for (const fx of fixtures) {
      const lf = checkScenario(fx.text, fx.file).problems.map(formatProblem);
      const crlf = checkScenario(fx.text.replace(/\n/g, '\r\n'), fx.file).problems.map(formatProblem);
      expect(crlf, fx.file).toEqual(lf);
    }
    expect(errorsOf(checkScenario(read(VALID_FILE).replace(/\n/g, '\r\n'), VALID_FILE).problems)).toEqual([]);
  });
});

describe('zero-delay phase changes', () => {
  // Two phases moving to each other with "after: 0m" once made the engine spin at t=0; the
  // check now rejects any immediate "after".
  it('are rejected, so a cycle of them can never reach the engine', () => {
    const text = read(VALID_FILE)
      .replace('      10m: outage\n', '      0m: outage\n')
      .replace('  recovering:\n', '    after:\n      0m: degraded\n\n  recovering:\n');
    const { scenario, problems } = checkScenario(text, 'zero-delay-cycle.yaml');
    expect(scenario).toBeUndefined();
    expect(errorsOf(problems).map((p) => p.message).join('\n')).toMatch(/is immediate/);
  });
});

describe('valid scenarios', () => {
  const valid = [VALID_FILE, ...yamlFiles(SCENARIO_DIR)];

  it('include the minimal fixture and at least one real scenario', () => {
    expect(valid.length).toBeGreaterThanOrEqual(2);
  });

  for (const file of valid) {
    it(`${file} passes with no errors`, () => {
      const { scenario, problems } = checkScenario(read(file), file);
      expect(errorsOf(problems), listing(problems)).toEqual([]);
      expect(scenario).toBeDefined();
    });
  }
});

describe('the check CLI', () => {
  const runCheck = (file: string) => spawnSync('npx', ['tsx', 'src/cli/check.ts', file], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

  it('exits 1 and prints file:LINE path: message for an invalid file', () => {
    const fx = fixture(`${INVALID_DIR}/unknown-key-typo.yaml`);
    const result = runCheck(fx.file);
    expect(result.error).toBeUndefined();
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^test\/fixtures\/invalid\/[^:]+\.yaml:\d+ \S+: /m);
    expect(result.stdout).toContain(`${fx.file}:${fx.line} phases.outage.tmieline: `);
    expect(result.stdout).toContain(fx.fragment);
  });

  it('exits 0 for the valid minimal scenario', () => {
    const result = runCheck(VALID_FILE);
    expect(result.error).toBeUndefined();
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('1 scenario file valid.');
  });
});
