import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvToScenario } from '../../src/scenario/csv-import.ts';
import { checkScenario } from '../../src/engine/check-scenario.ts';

describe('importing a CSV master event list', () => {
  it('turns every row into a timed alert or user report in a starter that passes check', () => {
    const { yaml, problems } = csvToScenario(readFileSync('test/fixtures/csv/master-event-list.csv', 'utf8'), 'portal-down');
    expect(problems).toEqual([]);
    const { scenario, problems: check } = checkScenario(yaml ?? '', 'portal-down.yaml');
    expect(check.filter((p) => p.severity === 'error')).toEqual([]);
    const timeline = scenario?.spec.phases['incident']?.timeline ?? [];
    expect(timeline.map((e) => e.at)).toEqual(['0m', '3m', '5m', '12m', '20m']);
    expect(timeline[0]?.alert).toMatchObject({ source: 'Nagios', level: 'critical', text: 'WEB01: HTTP check failed, connection refused on :443' });
    expect(timeline[1]?.report).toMatchObject({ from: 'Sales team lead', channel: 'phone' });
    expect(scenario?.spec.clockStart).toBe('09:00');
    expect(yaml).toMatch(/^# yaml-language-server: \$schema=\.\/schema\.json/);
  });

  it('says which row is wrong and why', () => {
    const { yaml, problems } = csvToScenario(readFileSync('test/fixtures/csv/broken-event-list.csv', 'utf8'), 'broken');
    expect(yaml).toBeUndefined();
    expect(problems).toEqual([
      { row: 3, message: expect.stringContaining('time "9.05" is not a time of day') },
      { row: 4, message: expect.stringContaining('type "fax" is not known') },
    ]);
    expect(csvToScenario('when,what\n1,2\n', 'x').problems[0]?.message).toMatch(/missing columns time, type, source, text/);
  });
});
