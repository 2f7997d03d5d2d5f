// The expert reference as actions: checked like a transcript, played by the author's dry run,
// and for every built-in scenario the same actions as its expert transcript.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/engine/check-scenario.ts';
import { referenceActions } from '../../src/engine/reference-actions.ts';
import { scoreActions, transcriptSets } from '../support/transcripts.ts';

const minimal = readFileSync('test/fixtures/valid/minimal.yaml', 'utf8');
const firstStep = '      why: A nearly full disk on a tier-1 database is about to become an outage.\n';
const withDo = (lines: string) => minimal.replace(firstStep, `${firstStep}      do:\n${lines}`);

describe('the expert reference as actions', () => {
  it('reads each step\'s actions at the step\'s time unless they give their own', () => {
    const text = withDo('        - { type: alert.acknowledge, alert: a-db-disk }\n        - { at: 2m, type: evidence.request, source: db-metrics }\n');
    const { scenario, problems } = checkScenario(text, 'r.yaml');
    expect(problems).toEqual([]);
    const actions = referenceActions(scenario!);
    expect(actions.map((a) => [a.t, a.action.type])).toEqual([[60_000, 'alert.acknowledge'], [120_000, 'evidence.request']]);
    expect(actions[1]?.path).toEqual(['debrief', 'reference', 0, 'do', 1]);
  });

  it.each([
    ['an unknown action type', '        - { type: alert.acknowlege, alert: a-db-disk }\n', /expert reference: unknown action type "alert\.acknowlege"; did you mean "alert\.acknowledge"\?/, 'debrief.reference[0].do[0].type'],
    ['an id the scenario does not have', '        - { type: evidence.request, source: db-metric }\n', /expert reference: unknown evidence source "db-metric"; did you mean "db-metrics"\?/, 'debrief.reference[0].do[0].source'],
    ['a missing field', '        - { type: escalation.send, note: help }\n', /expert reference: .*team or vendor|expert reference: .*"to"|expert reference: .*expected/, 'debrief.reference[0].do[0].to'],
    ['actions out of time order', '        - { at: 3m, type: bridge.open }\n        - { at: 2m, type: alert.acknowledge, alert: a-db-disk }\n', /expert reference: "2m" is earlier than the action before it/, 'debrief.reference[0].do[1].at'],
  ])('refuses %s, at its line, with the transcript message', (_what, lines, message, path) => {
    const { scenario, problems } = checkScenario(withDo(lines), 'r.yaml');
    expect(scenario).toBeUndefined();
    const problem = problems.find((p) => message.test(p.message));
    expect(problem, problems.map((p) => `${p.path} ${p.message}`).join('\n')).toBeDefined();
    expect(problem?.path).toBe(path);
    const written = withDo(lines).split('\n')[(problem?.line ?? 1) - 1];
    expect(written).toContain(path.endsWith('.at') ? '2m' : '- {');
  });

  it('warns when the engine refuses a reference action, at that action', () => {
    // The outage alert does not exist at 1m: acknowledging it is refused.
    const { scenario, problems } = checkScenario(withDo('        - { type: alert.acknowledge, alert: a-api-errors }\n'), 'r.yaml');
    expect(scenario).toBeDefined();
    const warning = problems.find((p) => p.severity === 'warning');
    expect(warning?.message).toMatch(/expert reference's alert\.acknowledge at 1m is refused when played: /);
    expect(warning?.path).toBe('debrief.reference[0].do[0]');
  });

  describe.each(transcriptSets().map((set) => [set.id, set] as const))('%s', (_id, set) => {
    const reference = referenceActions(set.scenario);
    it('has a reference whose actions are its expert transcript', () => {
      expect(reference.map(({ t, action }) => ({ t, action }))).toEqual(set.transcripts.expert.actions);
    });
    it('scores its reference at 85 or more: the answer key agrees with the model answer', () => {
      expect(scoreActions(set.scenario, reference).total).toBeGreaterThanOrEqual(85);
    });
  });
});
