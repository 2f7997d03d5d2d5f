// docs/authoring.md builds a scenario step by step; its final file must pass the check with
// no warnings, so the tutorial never teaches something that does not work.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/engine/check-scenario.ts';
import { playActions } from '../../src/engine/replay.ts';
import { referenceActions } from '../../src/engine/reference-actions.ts';
import { score } from '../../src/scoring/score.ts';

const doc = readFileSync('docs/authoring.md', 'utf8');
const final = /<!-- tutorial-final -->\s*```yaml\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';

describe('the authoring tutorial', () => {
  it('ends with a scenario that passes check with no warnings', () => {
    expect(final.length).toBeGreaterThan(500);
    const { scenario, problems } = checkScenario(final, 'docs/authoring.md');
    expect(problems).toEqual([]);
    expect(scenario?.spec.id).toBe('file-server-slow');
  });

  it('can be played: escalating and failing over restores the service', () => {
    const { scenario } = checkScenario(final, 'docs/authoring.md');
    if (!scenario) throw new Error('tutorial scenario invalid');
    const played = playActions(scenario, [
      { t: 60_000, action: { type: 'priority.set', level: 'P3' } },
      { t: 120_000, action: { type: 'evidence.request', source: 'array-log' } },
      { t: 300_000, action: { type: 'escalation.send', to: 'storage', note: 'S drive slow since 10:05; controller B cache battery fault; FS01 itself is healthy.', evidence: ['array-log'] } },
      { t: 360_000, action: { type: 'mitigation.apply', mitigation: 'fail-over-controller' } },
      { t: 720_000, action: { type: 'incident.resolve', summary: 'Failed over to controller A.' } },
    ]);
    expect(played.log.some((e) => e.type === 'incident.resolve')).toBe(true);
    expect(score(scenario, played.log).dimensions.escalation.score).toBeGreaterThan(80);
  });

  it('has an expert reference whose dry run scores 85 or more, with nothing refused', () => {
    const { scenario } = checkScenario(final, 'docs/authoring.md');
    if (!scenario) throw new Error('tutorial scenario invalid');
    const played = playActions(scenario, referenceActions(scenario));
    expect(played.log.filter((e) => e.type === 'action.refused')).toEqual([]);
    const card = score(scenario, played.log);
    expect(card.total, JSON.stringify(Object.fromEntries(Object.entries(card.dimensions).map(([d, v]) => [d, v.score])))).toBeGreaterThanOrEqual(85);
  });
});
