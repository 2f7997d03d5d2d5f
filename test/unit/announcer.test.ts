// What the console's assertive live region says: new critical alerts and newly missed updates.
import { describe, expect, it } from 'vitest';
import { drive, flagship } from '../support/exercise-driver.ts';
import { updateSchedule } from '../../src/scoring/update-cadence.ts';
import { announcements, type Announced } from '../../src/ui/console/announcer.tsx';

const scenario = flagship();

describe('console announcements', () => {
  it('say nothing for what was there when the console opened, then each new critical alert once and each newly missed update', () => {
    const d = drive(scenario).at('5m');
    const missedAt = () => updateSchedule(scenario, d.log, d.exercise.now).missedAt.at(-1);
    let state: Announced | undefined;
    const step = () => {
      const next = announcements(scenario, state, d.exercise.view(), missedAt());
      state = next.announced;
      return next.text;
    };
    expect(step()).toBe('');

    d.at('20m');
    const critical = d.exercise.view().alerts.filter((a) => a.alert.level === 'critical');
    expect(critical.length).toBeGreaterThan(0);
    const first = step();
    expect(first).toMatch(/^Critical alert on .+ at 08:\d\d: /);
    for (const { alert } of critical) expect(first).toContain(alert.text);
    expect(first).not.toContain('overdue');
    expect(step(), 'the same view says nothing new').toBe('');

    d.at('31m');
    expect(missedAt()).toBeDefined();
    expect(step()).toContain('Status update overdue: one was due at ');
    expect(step()).toBe('');
  });

  it('say nothing on opening an attempt that already has critical alerts and a missed update', () => {
    const d = drive(scenario).at('31m');
    const missed = updateSchedule(scenario, d.log, d.exercise.now).missedAt.at(-1);
    expect(missed).toBeDefined();
    expect(d.exercise.view().alerts.some((a) => a.alert.level === 'critical')).toBe(true);
    const opened = announcements(scenario, undefined, d.exercise.view(), missed);
    expect(opened.text).toBe('');
    expect(announcements(scenario, opened.announced, d.exercise.view(), missed).text).toBe('');
  });
});
