// The pure pieces the console reads: hints, nudges, the update countdown and transcript export.
import { describe, expect, it } from 'vitest';
import { drive, flagship, time } from '../support/exercise-driver.ts';
import { nextHint } from '../../src/engine/hints.ts';
import { nudges } from '../../src/scoring/nudges.ts';
import { updateSchedule } from '../../src/scoring/update-cadence.ts';
import { parseTranscript, toTranscript } from '../../src/engine/transcript.ts';
import { playActions } from '../../src/engine/replay.ts';
import { score } from '../../src/scoring/score.ts';
import { transcriptSets } from '../support/transcripts.ts';

const scenario = flagship();

describe('practice hints', () => {
  it('show the expert step due now, then the next ones, and the last once the reference is behind', () => {
    const steps = scenario.spec.debrief.reference;
    expect(nextHint(scenario, 0)?.action).toBe(steps[0]?.action);
    const later = nextHint(scenario, time('8m'));
    expect(later && later.at >= time('7m')).toBe(true);
    expect(nextHint(scenario, time('70m'))?.action).toBe(steps.at(-1)?.action);
  });
});

describe('practice nudges', () => {
  it('say when an update is overdue and when a critical alert sits unacknowledged', () => {
    const d = drive(scenario).at('20m');
    const early = nudges(scenario, d.log, d.exercise.view());
    expect(early.map((n) => n.kind)).toContain('alert-unacknowledged');
    d.at('31m');
    const late = nudges(scenario, d.log, d.exercise.view());
    expect(late.find((n) => n.kind === 'update-overdue')?.text).toMatch(/An update was due at 09:07/);
    d.act({ type: 'update.post', audience: 'stakeholders', text: 'Staff cannot sign in; IAM engaged; next update at 09:30.' });
    expect(nudges(scenario, d.log, d.exercise.view()).some((n) => n.kind === 'update-overdue')).toBe(false);
  });

  it('count down to the next update from the priority in force', () => {
    const d = drive(scenario).at('1m');
    d.act({ type: 'priority.set', level: 'P1' });
    expect(updateSchedule(scenario, d.log, time('2m')).nextDue).toBe(time('16m'));
    d.at('5m');
    d.act({ type: 'update.post', audience: 'stakeholders', text: 'x' });
    expect(updateSchedule(scenario, d.log, time('6m')).nextDue).toBe(time('20m'));
  });
});

describe('transcript export', () => {
  it('replays to the same scorecard as the attempt it came from', () => {
    const set = transcriptSets().find((s) => s.id === 'sso-outage-monday');
    if (!set) throw new Error('flagship transcripts missing');
    for (const level of ['expert', 'mediocre', 'poor'] as const) {
      const attempt = playActions(scenario, set.transcripts[level].actions, { seed: 5 });
      const exported = JSON.stringify(toTranscript(attempt.log, scenario.spec.id, 5, 'practice'));
      const { transcript, problems } = parseTranscript(exported, 'export.json', scenario);
      expect(problems).toEqual([]);
      const replayed = playActions(scenario, transcript?.actions ?? [], { seed: transcript?.seed ?? -1 });
      expect(score(scenario, replayed.log)).toEqual(score(scenario, attempt.log));
    }
  });
});
