import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { LibraryPage } from './pages/library-page.ts';
import { ConsolePage, DIMENSION_LABELS, type Dimension } from './pages/console-page.ts';
import { coordinatorText as say, flagship, FLAGSHIP_FILE } from './pages/flagship.ts';

interface CliScorecard {
  total: number;
  dimensions: Record<Dimension, { score: number; evidence: { text: string; points: number }[] }>;
}

test('plays the flagship end to end at 10×', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const library = new LibraryPage(page);
  await library.goto();
  await library.startFlagship('practice');

  const play = new ConsolePage(page);
  await expect(play.resumeButton, 'a new attempt starts paused').toBeVisible();
  await play.setSpeed(10);
  await play.resume();

  await test.step('triage: acknowledge, P2, evidence, major incident, bridge, roles', async () => {
    expect(await play.acknowledgeFirstAlert()).toMatch(/^warning alert on Corporate SSO/);
    expect(await play.setPriority('medium', 'high')).toBe('P2');
    await play.requestEvidence(flagship.evidence.signinLogs);
    await play.requestEvidence(flagship.evidence.changeCalendar);
    await play.declareMajorIncident();
    await play.openBridge();
    await play.assignRole('Incident commander', 'Duty incident coordinator (me)');
    await play.assignRole('Communications lead', 'Duty communications manager');
    await play.postUpdate('Service desk', say.serviceDeskUpdate);
  });

  await test.step('escalate to IAM with the evidence attached', async () => {
    await play.waitForEvidence(flagship.evidence.changeCalendar);
    await play.waitForEvidence(flagship.evidence.signinLogs);
    expect(await play.readEvidence(flagship.evidence.signinLogs)).toContain('signature validation failed');
    await play.escalate(flagship.team.iam, say.escalationNote, [flagship.evidence.signinLogs, flagship.evidence.changeCalendar]);
    await play.waitForSituation(flagship.phase.investigating);
    await play.assignRole('Technical lead', 'Marcus Lindqvist, IAM on-call');
    expect(await play.setPriority('high', 'high')).toBe('P1');
    await play.postUpdate('Stakeholders', say.stakeholderUpdate);
  });

  await test.step('link CHG-4411 and roll it back; wait for the service to be restored', async () => {
    await play.linkChange(flagship.change);
    await play.applyMitigation(flagship.mitigation.rollback);
    await play.waitForSituation(flagship.phase.recovering);
    expect(await play.setPriority('low', 'high')).toBe('P3');
    await play.waitForSituation(flagship.phase.restored);
  });

  await test.step('resolve, then send the resolution notice', async () => {
    await play.resolve(say.resolutionSummary);
    await expect(play.actions, 'the actions panel is replaced by the RCA form after Resolve').toBeHidden();
    await expect(play.updateDue()).toContainText('The incident is closed');
    await play.postUpdate('Stakeholders', say.resolutionUpdate);
  });

  await play.submitRca(say.rca);
  const shown = await play.scorecardNumbers();
  await testInfo.attach('scorecard.json', { body: JSON.stringify(shown, null, 2), contentType: 'application/json' });
  // A run that follows the debrief's reference this closely is a good one; a much lower total
  // means an action did not reach the log the way the page said it did.
  expect(shown.total, 'a good coordinator scores well').toBeGreaterThanOrEqual(70);
  expect(shown.total).toBeLessThanOrEqual(100);
  for (const d of Object.keys(DIMENSION_LABELS) as Dimension[]) {
    expect(shown.dimensions[d].evidence.length, `${DIMENSION_LABELS[d]} has evidence lines`).toBeGreaterThan(0);
  }

  await test.step('the exported transcript replays in the CLI to the same scores', async () => {
    const file = testInfo.outputPath('transcript.json');
    const download = await play.exportTranscript(file);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${flagship.id}-.+\\.json$`));
    const transcript = JSON.parse(readFileSync(file, 'utf8')) as { scenario: string; actions: { type: string }[] };
    expect(transcript.scenario).toBe(flagship.id);
    expect(transcript.actions.map((a) => a.type)).toEqual(expect.arrayContaining(['alert.acknowledge', 'escalation.send', 'mitigation.apply', 'incident.resolve', 'rca.submit']));

    const cli = spawnSync('npx', ['tsx', 'src/cli/replay.ts', FLAGSHIP_FILE, file, '--json'], { encoding: 'utf8' });
    expect(cli.status, `replay CLI failed:\n${cli.stderr}`).toBe(0);
    const card = JSON.parse(cli.stdout) as CliScorecard;
    expect(card.total, 'CLI total equals the page total').toBe(shown.total);
    for (const d of Object.keys(DIMENSION_LABELS) as Dimension[]) {
      expect(card.dimensions[d].score, `CLI ${d} score equals the page`).toBe(shown.dimensions[d].score);
      expect(card.dimensions[d].evidence.length, `CLI ${d} evidence line count`).toBe(shown.dimensions[d].evidence.length);
      card.dimensions[d].evidence.forEach((line, i) => expect(shown.dimensions[d].evidence[i], `${d} evidence line ${i + 1}`).toContain(line.text.replace(/\s+/g, ' ').trim()));
    }
  });
});
