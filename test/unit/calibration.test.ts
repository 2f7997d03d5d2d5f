// The scorers against people's judgement. test/calibration/ holds RCAs and status updates
// graded by reading them against docs/scoring.md before any scorer was run. The scorers must
// rank them as those grades do (Spearman ≥ 0.8), every excellent RCA must beat every poor one
// for the same scenario, and a keyword-stuffed RCA must score below every excellent one.
// When a text is ranked wrongly, fix the rule (and docs/scoring.md), never the grade.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Rca, type TraineeAction } from '../../src/engine/actions.ts';
import { judgeRca } from '../../src/scoring/rca-scorer.ts';
import { scoreCommunication } from '../../src/scoring/communication-scorer.ts';
import { playActions } from '../../src/engine/replay.ts';
import { parseDuration } from '../../src/scenario/duration.ts';
import { loadScenarioFile } from '../support/exercise-driver.ts';
import type { LoadedScenario } from '../../src/scenario/loader.ts';

interface GradedRca { id: string; scenario: string; author: string; grade: number; band: 'excellent' | 'good' | 'fair' | 'poor'; rca: unknown }
interface GradedUpdate { id: string; scenario: string; at: string; resolved: boolean; audience: 'stakeholders' | 'service-desk' | 'executives'; grade: number; text: string }

const rcas: GradedRca[] = JSON.parse(readFileSync('test/calibration/rca.json', 'utf8'));
const updates: GradedUpdate[] = JSON.parse(readFileSync('test/calibration/updates.json', 'utf8'));
const scenarios = new Map<string, LoadedScenario>();
const scenario = (path: string): LoadedScenario => {
  let loaded = scenarios.get(path);
  if (!loaded) scenarios.set(path, (loaded = loadScenarioFile(path)));
  return loaded;
};

function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]?.[0] === order[i]?.[0]) j++;
    for (let k = i; k <= j; k++) out[order[k]?.[1] ?? 0] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}
export function spearman(a: readonly number[], b: readonly number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const ma = mean(ra);
  const mb = mean(rb);
  let num = 0;
  let da = 0;
  let db = 0;
  ra.forEach((x, i) => {
    const y = rb[i] ?? 0;
    num += (x - ma) * (y - mb);
    da += (x - ma) ** 2;
    db += (y - mb) ** 2;
  });
  return num / Math.sqrt(da * db);
}

const rcaScore = (item: GradedRca) => Math.max(0, Math.min(100, judgeRca(scenario(item.scenario), Rca.parse(item.rca)).reduce((s, l) => s + l.points, 0)));

// To post an update after resolution, the world must be restored: engage the owner, apply the fix, resolve.
const FIX: Record<string, { team: string; mitigation: string }> = {
  'sso-outage-monday': { team: 'iam', mitigation: 'rollback-chg-4411' },
  'api-gateway-cert-expiry': { team: 'platform', mitigation: 'install-new-cert' },
  'dhcp-scope-exhausted': { team: 'network', mitigation: 'enlarge-scope' },
};
const MIN = 60_000;

/** One update's content score plus its language penalties, as the communication scorer gives them. */
function updateScore(item: GradedUpdate): number {
  const sc = scenario(item.scenario);
  const t = parseDuration(item.at) ?? 0;
  const actions: { t: number; action: TraineeAction }[] = [];
  if (item.resolved) {
    const fix = FIX[sc.spec.id];
    if (!fix) throw new Error(`no fix known for ${sc.spec.id}`);
    actions.push({ t: 2 * MIN, action: { type: 'escalation.send', to: fix.team, note: '', evidence: [] } });
    actions.push({ t: 3 * MIN, action: { type: 'mitigation.apply', mitigation: fix.mitigation } });
    const resolves = (at: number) => playActions(sc, [...actions, { t: at, action: { type: 'incident.resolve', summary: '' } }], { until: at }).log.some((e) => e.type === 'incident.resolve');
    const resolveAt = [...Array(60).keys()].map((m) => (m + 4) * MIN).find((at) => at < t && resolves(at));
    if (resolveAt === undefined) throw new Error(`${item.id}: the world is not restored before ${item.at}`);
    actions.push({ t: resolveAt, action: { type: 'incident.resolve', summary: '' } });
  }
  actions.push({ t, action: { type: 'update.post', audience: item.audience, text: item.text } });
  const log = playActions(sc, actions).log;
  expect(log.filter((e) => e.type === 'action.refused')).toEqual([]);
  const lines = scoreCommunication(sc, log);
  return lines.filter((l) => /^(Update content|Speculation|Blame|Jargon)/.test(l.text)).reduce((s, l) => s + l.points, 0);
}

describe('RCA calibration', () => {
  const scored = rcas.map((item) => ({ ...item, score: rcaScore(item) }));

  it('has at least 24 graded RCAs across at least 3 scenarios', () => {
    expect(rcas.length).toBeGreaterThanOrEqual(24);
    expect(new Set(rcas.map((r) => r.scenario)).size).toBeGreaterThanOrEqual(3);
  });

  it('ranks RCAs as the graders did (Spearman ≥ 0.8)', () => {
    expect(spearman(scored.map((r) => r.grade), scored.map((r) => r.score))).toBeGreaterThanOrEqual(0.8);
  });

  it.each([...new Set(rcas.map((r) => r.scenario))])('%s: every excellent RCA beats every poor one and every keyword stuffer', (path) => {
    const mine = scored.filter((r) => r.scenario === path);
    const excellent = mine.filter((r) => r.band === 'excellent');
    const below = mine.filter((r) => r.band === 'poor' || /keyword stuffer/i.test(r.author));
    expect(excellent.length).toBeGreaterThan(0);
    expect(below.length).toBeGreaterThan(0);
    for (const e of excellent) for (const p of below) expect(e.score, `${e.id} (${e.score}) vs ${p.id} (${p.score})`).toBeGreaterThan(p.score);
  });
});

describe('status update calibration', () => {
  it('has at least 15 graded updates', () => {
    expect(updates.length).toBeGreaterThanOrEqual(15);
  });

  it('ranks update content and language as the graders did (Spearman ≥ 0.8)', () => {
    const scores = updates.map(updateScore);
    expect(spearman(updates.map((u) => u.grade), scores)).toBeGreaterThanOrEqual(0.8);
  });
});
