// The checker's warnings for authors: valid files that probably do not do what was meant.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/engine/check-scenario.ts';

const minimal = readFileSync('test/fixtures/valid/minimal.yaml', 'utf8');
const warnings = (text: string) => {
  const { scenario, problems } = checkScenario(text, 'w.yaml');
  expect(scenario, problems.map((p) => p.message).join('\n')).toBeDefined();
  return problems.filter((p) => p.severity === 'warning');
};

describe('warnings for authors', () => {
  it('gives none for a well-formed scenario', () => {
    expect(warnings(minimal)).toEqual([]);
  });

  it.each([
    ['an inject that can only arrive after the end', (t: string) => t.replace('    on:\n      "mitigate:restart-api": outage\n', '').replace('      10m: outage', '      30m: outage').replace('    timeline:\n      - at: 0m\n        alert:\n          id: a-api-errors', '    timeline:\n      - at: 15m\n        report: { id: r-late, from: Finance, text: Month-end reports are failing. }\n      - at: 0m\n        alert:\n          id: a-api-errors'), /arrives at the earliest 45m.*after the scenario ends at 40m/, 'phases.outage.timeline[0].at'],
    ['evidence that cannot arrive by its escalation deadline', (t: string) => t.replace('    delay: 2m\n', '    delay: 12m\n'), /"db-metrics" takes 12m to arrive.*by the 10m deadline/, 'expectations.escalations[0].evidence[0]'],
    ['an escalation deadline before any signal', (t: string) => t.replace('      - at: 0m\n        alert:', '      - at: 5m\n        alert:').replace('      - at: 3m\n        jitter: 1m', '      - at: 6m\n        jitter: 1m').replace('      by: 10m', '      by: 4m'), /deadline 4m comes before the first alert or report/, 'expectations.escalations[0].by'],
    ['a mitigation that can never change the situation', (t: string) => t.replace('mitigations:\n', 'mitigations:\n  page-dba-again:\n    title: Page the DBA again\n    effect: { goto: outage, from: [outage], message: Nothing new happens. }\n'), /"page-dba-again" can never change the situation/, 'mitigations.page-dba-again.effect.goto'],
  ])('warns about %s, at its line', (_what, edit, message, path) => {
    const text = edit(minimal);
    expect(text).not.toBe(minimal);
    const found = warnings(text);
    expect(found.map((w) => w.message).join('\n')).toMatch(message);
    const warning = found.find((w) => message.test(w.message));
    expect(warning?.path).toBe(path);
    expect(warning?.line).toBeGreaterThan(1);
  });
});
