import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { LibraryPage } from './pages/library-page.ts';
import { ConsolePage } from './pages/console-page.ts';
import { FacilitatorPage } from './pages/facilitator-page.ts';

const CFO = 'The CFO calls: payroll run at 11:00 — will it work?';

test('the facilitator window follows the trainee live and drives the clock and injects through it', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.startFlagship('practice');
  const play = new ConsolePage(page);
  const fac = await FacilitatorPage.open(page);

  await test.step('a trainee action appears in the facilitator log', async () => {
    await play.declareMajorIncident();
    await expect(fac.log.getByText('Declared a major incident.')).toBeVisible();
  });

  await test.step('speed, resume and pause from the facilitator change the trainee clock', async () => {
    await fac.clock.getByRole('radio', { name: '5×' }).click();
    await expect(fac.clock.getByRole('status')).toHaveText('Speed 5×.');
    await expect(play.speedRadio(5)).toBeChecked();
    await expect(fac.clock.getByRole('radio', { name: '5×' })).toBeChecked();
    await fac.clock.getByRole('button', { name: 'Resume' }).click();
    await expect(play.pauseButton).toBeVisible();
    await fac.clock.getByRole('button', { name: 'Pause' }).click();
    await expect(play.resumeButton).toBeVisible();
  });

  await test.step('jumps move the trainee clock forward, never back', async () => {
    await fac.jumpTo('08:50');
    await expect(play.clock.getByRole('timer')).toHaveText('08:50');
    await fac.jumpTo('08:45');
    await expect(fac.clock.getByRole('alert')).toContainText('only moves forward');
    await expect(play.clock.getByRole('timer')).toHaveText('08:50');
    const before = await play.elapsed();
    await fac.clock.getByRole('button', { name: 'Jump to next inject' }).click();
    await expect(fac.clock.getByRole('status')).toHaveText('Jumped to the next inject.');
    await expect.poll(() => play.elapsed()).not.toBe(before);
  });

  await test.step('an ad-hoc stakeholder message sent now reaches the trainee feed and log; the scheduling entry does not', async () => {
    await fac.sendInject('Stakeholder message', 'The CFO', CFO);
    await expect(play.reports.getByText(CFO)).toBeVisible();
    await expect(play.log.getByText(`Report from The CFO: ${CFO}`)).toBeVisible();
    await expect(fac.log.getByText(/Ad-hoc inject: message from The CFO/)).toBeVisible();
    await expect(play.log).not.toContainText('Ad-hoc inject');
  });

  await test.step('an ad-hoc alert set for a clock time arrives then, not before', async () => {
    await fac.inject.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Alert' });
    await fac.inject.getByRole('combobox', { name: 'Level' }).selectOption('critical');
    await fac.sendInject('Alert', 'Payroll monitor', 'Payroll batch queue stalled', '09:20');
    await expect(fac.log.getByText(/Ad-hoc inject, due in \d+m(\d+s)?: alert "Payroll batch queue stalled"/)).toBeVisible();
    await expect(play.alerts).not.toContainText('Payroll batch queue stalled');
    await fac.jumpTo('09:21');
    await expect(play.alerts.getByRole('article', { name: /^critical alert on .* at 09:20$/ })).toContainText('Payroll batch queue stalled');
  });

  await test.step('notes and adjustments: a reason is required; the live score changes; the trainee sees neither', async () => {
    await fac.addNote('Quick to declare; no service desk update yet.');
    const before = await fac.scoreRow('Communication');
    const totalBefore = await fac.total();
    await fac.adjust('Communication', 10, '');
    await expect(fac.adjustments.getByRole('alert')).toHaveText('A reason is required: say why the score changes.');
    expect(await fac.scoreRow('Communication')).toEqual(before);
    await fac.adjust('Communication', 10, 'Clear, calm call with the CFO');
    await expect(fac.adjustments.getByRole('status')).toHaveText('Communication adjusted by +10.');
    await expect.poll(() => fac.scoreRow('Communication')).toEqual({ automatic: before.automatic, score: before.automatic + 10 });
    expect(await fac.total()).toBeGreaterThan(totalBefore);
    await expect(play.log).not.toContainText('Quick to declare');
    await expect(play.log).not.toContainText('Clear, calm call');
  });

  await test.step('a reloaded trainee window takes the commands again', async () => {
    await page.reload();
    await expect(play.clock).toBeVisible();
    await fac.clock.getByRole('button', { name: 'Resume' }).click();
    await expect(fac.clock.getByRole('status')).toHaveText('Resumed.');
    await expect(play.pauseButton).toBeVisible();
    await fac.clock.getByRole('button', { name: 'Pause' }).click();
    await expect(play.resumeButton).toBeVisible();
  });

  await test.step('closing the trainee window shows it on the facilitator and disables the commands', async () => {
    await page.close();
    await expect(fac.page.getByRole('alert').filter({ hasText: "The trainee's window is closed" })).toBeVisible();
    await expect(fac.clock.getByRole('button', { name: 'Jump to next inject' })).toBeDisabled();
    await expect(fac.adjustments.getByRole('button', { name: 'Adjust score' })).toBeDisabled();
  });
});

test('adjustments and notes carry into the scorecard, the debrief, the Markdown report and the CSV', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.startFlagship('practice');
  const play = new ConsolePage(page);
  const fac = await FacilitatorPage.open(page);

  await fac.addNote('Did not check the change calendar.');
  await fac.adjust('Escalation', 20, 'Phoned the vendor before being asked');
  await expect(fac.adjustments.getByRole('status')).toHaveText('Escalation adjusted by +20.');
  // Straight to the end of the exercise: time is up, the RCA follows.
  await fac.jumpTo('09:55');
  await expect(play.rca).toBeVisible();
  await play.submitRca({ proximateCause: 'SAML signing certificate rotated', rootCause: 'No check of relying parties before rotation', contributingFactors: ['No runbook'], actions: [{ kind: 'corrective', text: 'Re-import the certificate', owner: 'IAM', due: '2026-12-01', measure: 'Sign-ins succeed' }] });

  const escalation = play.dimension('escalation');
  await expect(escalation.getByRole('list', { name: 'Facilitator adjustments to Escalation' })).toContainText('+20');
  await expect(escalation.getByRole('list', { name: 'Facilitator adjustments to Escalation' })).toContainText('Phoned the vendor before being asked');
  const { total } = await play.scorecardNumbers();

  const downloading = page.waitForEvent('download');
  await play.scorecard.getByRole('button', { name: 'Download report (Markdown)' }).click();
  const report = readFileSync((await (await downloading).path()) ?? '', 'utf8');
  expect(report).toContain("## Facilitator's notes and adjustments");
  expect(report).toContain('note: Did not check the change calendar.');
  expect(report).toMatch(/Escalation \+20: Phoned the vendor before being asked/);
  expect(report).toContain(`**Total score:** ${total}/100`);

  await play.scorecard.getByRole('button', { name: 'Open debrief' }).click();
  const scores = page.getByRole('region', { name: 'Scores' });
  await expect(scores.getByRole('heading', { name: new RegExp(`^Total ${total}/100`) })).toBeVisible();
  const debriefEscalation = scores.getByRole('region', { name: /^Escalation: \d+ of 100$/ });
  await expect(debriefEscalation).toContainText('adjusted score');
  const automatic = Number(/automatic score (\d+)/.exec(await debriefEscalation.innerText())?.[1]);
  await expect(debriefEscalation).toHaveAccessibleName(`Escalation: ${Math.min(100, automatic + 20)} of 100`);
  await expect(debriefEscalation.getByRole('list', { name: 'Facilitator adjustments to Escalation' })).toContainText('Phoned the vendor before being asked');
  await expect(page.getByRole('region', { name: "Facilitator's notes" })).toContainText('Did not check the change calendar.');

  await library.goto();
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export scores (CSV)' }).click();
  const csv = readFileSync((await (await csvDownload).path()) ?? '', 'utf8');
  const [header, row] = csv.trimEnd().split('\r\n');
  expect(header).toBe('attempt,scenario,mode,started,status,total,severity,escalation,communication,rca,adjustments,notes');
  expect(row).toContain(`,scored,${total},`);
  expect(row).toContain('escalation +20 at +0m: Phoned the vendor before being asked');
  expect(row).toContain('+0m: Did not check the change calendar.');
});

test('as the acceptance check does it: the first Start, a facilitator button, the declaration seen in the new window', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /^Start/ }).first().click();
  await expect(page.getByRole('region', { name: /Simulated clock/i })).toBeVisible();
  const [fac] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: /facilitator/i }).first().click()]);
  await expect(fac.getByRole('region', { name: 'Activity log' })).toBeVisible();
  await expect(fac.getByRole('region', { name: 'Activity log' })).not.toContainText(/major incident/i);
  await page.getByRole('button', { name: /Declare major incident/i }).click();
  await expect(fac.getByRole('region', { name: 'Activity log' }).getByText(/major incident/i).first()).toBeVisible();
});
