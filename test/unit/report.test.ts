import { describe, expect, it } from 'vitest';
import { postIncidentReport, scorecardCsv } from '../../src/scoring/post-incident-report.ts';
import { playActions } from '../../src/engine/replay.ts';
import { score } from '../../src/scoring/score.ts';
import { flagship } from '../support/exercise-driver.ts';
import { transcriptSets } from '../support/transcripts.ts';

const scenario = flagship();
const set = transcriptSets().find((s) => s.id === scenario.spec.id);
const expert = playActions(scenario, set?.transcripts.expert.actions ?? []);
const card = score(scenario, expert.log);

describe('post-incident report (Markdown)', () => {
  const report = postIncidentReport(scenario, expert.log, card, { mode: 'practice', played: '26 Nov 2026' });

  it('has the summary, timeline, decisions, RCA and scores', () => {
    expect(report).toMatch(/^# Post-incident report: Monday 08:40: nobody can sign in\n/);
    expect(report).toContain(`- **Total score:** ${card.total}/100`);
    for (const heading of ['## Summary', '## Timeline', '## Decisions', '## Root-cause analysis', '## Scores', '### Severity:', '### RCA quality:']) expect(report).toContain(heading);
    expect(report).toMatch(/\| 08:4\d \(\+\d+m(\d+s)?\) \| Coordinator \| Escalated to Identity & Access Management/);
    expect(report).toMatch(/- 08:\d\d \(\+\d+m(\d+s)?\) escalated to \*\*Identity & Access Management\*\* with /);
    expect(report).toContain('| Kind | Action | Owner | Due | Measure of success |');
  });

  it('keeps every table row on one line with pipes escaped', () => {
    const tricky = playActions(scenario, [{ t: 60_000, action: { type: 'update.post', audience: 'stakeholders', text: 'VPN | SSO down\nnext update 09:00' } }]);
    const text = postIncidentReport(scenario, tricky.log, score(scenario, tricky.log), { mode: 'practice' });
    const row = text.split('\n').find((line) => line.includes('Update to Stakeholders'));
    expect(row).toBe('| 08:41 (+1m) | Coordinator | Update to Stakeholders: VPN \\| SSO down next update 09:00 |');
  });
});

describe('scorecard CSV', () => {
  it('has one row per attempt and one column per dimension, quoted where needed', () => {
    const csv = scorecardCsv([
      { attemptId: 'a1', scenarioId: 'sso-outage-monday', mode: 'practice', started: '2026-11-26 09:00', status: 'scored', card },
      { attemptId: 'a2', scenarioId: 'sso-outage-monday', mode: 'interview', started: 'Nov 26, "late"', status: 'in-progress', card: undefined },
    ]);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('attempt,scenario,mode,started,status,total,severity,escalation,communication,rca,adjustments,notes');
    expect(lines[1]).toBe(`a1,sso-outage-monday,practice,2026-11-26 09:00,scored,${card.total},${card.dimensions.severity.score},${card.dimensions.escalation.score},${card.dimensions.communication.score},${card.dimensions.rca.score},,`);
    expect(lines[2]).toBe('a2,sso-outage-monday,interview,"Nov 26, ""late""",in-progress,,,,,,,');
  });
});
