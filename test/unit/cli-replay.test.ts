import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const replay = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/replay.ts', ...args], { encoding: 'utf8' });
const scenario = 'scenarios/sso-outage-monday.yaml';
const expert = 'test/transcripts/sso-outage-monday/expert.json';

describe('npm run replay', () => {
  it('prints only JSON with --json, byte-identical on every run', () => {
    const a = replay(scenario, expert, '--json');
    const b = replay(scenario, expert, '--json');
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const card = JSON.parse(a.stdout);
    expect(card.scenario).toBe('sso-outage-monday');
    expect(Object.keys(card.dimensions)).toEqual(['severity', 'escalation', 'communication', 'rca']);
    for (const d of Object.values(card.dimensions) as { score: number; weight: number; evidence: { t: number | null; points: number; text: string }[] }[]) {
      expect(d.score).toBeGreaterThanOrEqual(0);
      expect(d.weight).toBeGreaterThan(0);
      for (const line of d.evidence) {
        expect(line.t === null || typeof line.t === 'number').toBe(true);
        expect(typeof line.points).toBe('number');
        expect(line.text.length).toBeGreaterThan(10);
      }
    }
  });

  it('prints a readable scorecard without --json', () => {
    const run = replay(scenario, expert);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Total: \d+\/100$/m);
    expect(run.stdout).toMatch(/^Escalation: \d+\/100 \(weight 25\)$/m);
  });

  it('exits 1 with located errors on a malformed transcript', () => {
    const run = replay(scenario, 'test/fixtures/transcripts/unknown-ids.json', '--json');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^test\/fixtures\/transcripts\/unknown-ids\.json:4 actions\[1\]\.to: unknown team or vendor "iam-team"/m);
  });

  it('exits 1 with a clear message for a missing file or a broken scenario', () => {
    const missing = replay(scenario, 'no/such/file.json');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no\/such\/file\.json:1 \(file\): file not found/);
    const usage = replay(scenario);
    expect(usage.status).toBe(1);
    expect(usage.stderr).toMatch(/usage: npm run replay/);
  });
});
