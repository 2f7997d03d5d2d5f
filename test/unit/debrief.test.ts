import { describe, expect, it } from 'vitest';
import { debriefModel } from '../../src/scoring/debrief.ts';
import { playActions } from '../../src/engine/replay.ts';
import { score } from '../../src/scoring/score.ts';
import { flagship, time } from '../support/exercise-driver.ts';
import { transcriptSets } from '../support/transcripts.ts';

const scenario = flagship();
const set = transcriptSets().find((s) => s.id === scenario.spec.id);

describe('the debrief model', () => {
  const poor = playActions(scenario, set?.transcripts.poor.actions ?? []);
  const card = score(scenario, poor.log);
  const model = debriefModel(scenario, poor.log, card);

  it('puts the trainee next to the expert reference', () => {
    expect(model.actions.length).toBe(poor.log.filter((e) => e.type !== 'action.refused' && 'payload' in e && typeof e.payload === 'object' && e.payload !== null && 'type' in e.payload).length);
    expect(model.reference).toHaveLength(scenario.spec.debrief.reference.length);
    expect(model.escalationDeadlines.map((d) => d.t)).toContain(time('10m'));
  });

  it('draws priority in force against the expected curve', () => {
    expect(model.priority[0]).toEqual({ t: 0, yours: null, expected: 2 });
    expect(model.priority.some((p) => p.expected === 1)).toBe(true);
    expect(model.priority.every((p) => p.t <= model.end)).toBe(true);
  });

  it('splits every evidence line into went well or to improve, and ties timed ones to the timeline', () => {
    for (const d of ['severity', 'escalation', 'communication', 'rca'] as const) {
      const { wentWell, toImprove } = model.dimensions[d];
      expect(wentWell.length + toImprove.length).toBe(card.dimensions[d].evidence.length);
    }
    expect(model.dimensions.escalation.toImprove.map((l) => l.text).join('\n')).toMatch(/did not need/);
    expect(model.evidencePoints.length).toBe(Object.values(card.dimensions).flatMap((d) => d.evidence).filter((l) => l.t !== null).length);
  });
});
