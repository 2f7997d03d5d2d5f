import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DIMENSIONS } from '../../src/scoring/scorecard.ts';
import { evidenceText, scoreActions, transcriptSets } from '../support/transcripts.ts';
import { flagship, time } from '../support/exercise-driver.ts';
import { playActions } from '../../src/engine/replay.ts';
import { score } from '../../src/scoring/score.ts';

const sets = transcriptSets();

describe('reference transcripts', () => {
  it('exist for the flagship scenario', () => {
    expect(sets.map((s) => s.id)).toContain('sso-outage-monday');
  });

  describe.each(sets.map((s) => [s.id, s] as const))('%s', (_id, set) => {
    const cards = {
      expert: scoreActions(set.scenario, set.transcripts.expert.actions),
      mediocre: scoreActions(set.scenario, set.transcripts.mediocre.actions),
      poor: scoreActions(set.scenario, set.transcripts.poor.actions),
    };

    it('scores expert >= 85 and poor <= 40', () => {
      expect(cards.expert.total).toBeGreaterThanOrEqual(85);
      expect(cards.poor.total).toBeLessThanOrEqual(40);
    });

    it.each(['total', ...DIMENSIONS] as const)('orders expert > mediocre > poor on %s', (what) => {
      const value = (card: typeof cards.expert) => (what === 'total' ? card.total : card.dimensions[what].score);
      expect(value(cards.expert)).toBeGreaterThan(value(cards.mediocre));
      expect(value(cards.mediocre)).toBeGreaterThan(value(cards.poor));
    });

    it('gives every dimension evidence lines whose points add up to its score', () => {
      for (const card of Object.values(cards)) {
        for (const d of DIMENSIONS) {
          const dim = card.dimensions[d];
          expect(dim.evidence.length).toBeGreaterThan(0);
          const sum = dim.evidence.reduce((acc, e) => acc + e.points, 0);
          expect(dim.score).toBe(Math.max(0, Math.min(100, sum)));
        }
      }
    });

    it('scores nothing when nothing is done', () => {
      const card = scoreActions(set.scenario, []);
      expect(card.total).toBeLessThanOrEqual(10);
      for (const d of DIMENSIONS) expect(card.dimensions[d].score).toBeLessThanOrEqual(10);
    });

    it('loses communication when the updates are removed', () => {
      const without = scoreActions(set.scenario, set.transcripts.expert.actions.filter((a) => a.action.type !== 'update.post'));
      expect(cards.expert.dimensions.communication.score - without.dimensions.communication.score).toBeGreaterThanOrEqual(40);
      expect(evidenceText(without, 'communication')).toMatch(/No updates|never came/);
    });

    it('loses escalation when escalations are removed or sent 30 minutes later', () => {
      const actions = set.transcripts.expert.actions;
      const none = scoreActions(set.scenario, actions.filter((a) => a.action.type !== 'escalation.send'));
      expect(none.dimensions.escalation.score).toBeLessThanOrEqual(30);
      expect(evidenceText(none, 'escalation')).toMatch(/was never engaged/);
      const late = [...actions.map((a) => (a.action.type === 'escalation.send' ? { ...a, t: a.t + time('30m') } : a))].sort((a, b) => a.t - b.t);
      const lateCard = scoreActions(set.scenario, late);
      expect(lateCard.dimensions.escalation.score).toBeLessThan(cards.expert.dimensions.escalation.score - 20);
      expect(evidenceText(lateCard, 'escalation')).toMatch(/after the deadline/);
    });
  });
});

describe('the flagship reference transcripts, line by line', () => {
  const set = sets.find((s) => s.id === 'sso-outage-monday');
  if (!set) return;
  const expert = scoreActions(set.scenario, set.transcripts.expert.actions);
  const poor = scoreActions(set.scenario, set.transcripts.poor.actions);

  it('credits the expert for a timely, evidenced IAM escalation and on-cadence updates', () => {
    expect(evidenceText(expert, 'escalation')).toMatch(/Escalated to Identity & Access Management at 08:\d\d \(\+\d+m\), by the deadline/);
    expect(evidenceText(expert, 'escalation')).toMatch(/carried the evidence a resolver needs/);
    expect(evidenceText(expert, 'communication')).toMatch(/Resolution notice posted/);
    expect(evidenceText(expert, 'severity')).toMatch(/Major incident declared at .*full marks/);
  });

  it('names what the poor coordinator did wrong', () => {
    const all = DIMENSIONS.map((d) => evidenceText(poor, d)).join('\n');
    expect(all).toMatch(/did not need/); // a wrong escalation
    expect(evidenceText(poor, 'rca')).toMatch(/Blame: /);
    expect(evidenceText(poor, 'rca')).toMatch(/is vague/);
  });
});

describe('scoring is a pure function of the log', () => {
  const scenario = flagship();
  const expert = sets.find((s) => s.id === 'sso-outage-monday')?.transcripts.expert.actions ?? [];

  it('gives the same scorecard for the same log, and any subset of actions a score within bounds', () => {
    fc.assert(
      fc.property(fc.subarray([...expert]), fc.integer({ min: 0, max: 1000 }), (subset, seed) => {
        const a = playActions(scenario, subset, { seed });
        const b = playActions(scenario, subset, { seed });
        const cardA = score(scenario, a.log);
        expect(score(scenario, b.log)).toEqual(cardA);
        expect(JSON.stringify(score(scenario, JSON.parse(JSON.stringify(a.log))))).toBe(JSON.stringify(cardA));
        expect(cardA.total).toBeGreaterThanOrEqual(0);
        expect(cardA.total).toBeLessThanOrEqual(100);
      }),
      { numRuns: 60, seed: 42 },
    );
  });
});
