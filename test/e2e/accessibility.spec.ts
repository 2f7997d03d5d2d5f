import { writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { LibraryPage } from './pages/library-page.ts';
import { ConsolePage } from './pages/console-page.ts';
import { FacilitatorPage } from './pages/facilitator-page.ts';
import { flagship } from './pages/flagship.ts';
import { fileText } from './pages/expert-attempt.ts';
import { InterviewScorecardPage, InterviewSetupPage } from './pages/interview-pages.ts';

// axe-core over every route in a realistic state, with the WCAG 2.x A/AA and best-practice
// rules. No rule is disabled and nothing excluded: serious and critical findings are fixed in
// the app (docs/decisions.md, "Accessibility"); moderate and minor ones do not fail the check.

async function expectAccessible(page: Page, route: string, fakeClock = false): Promise<void> {
  // Let entry animations (framer-motion fades) finish so colours are measured at full opacity;
  // under a faked clock, by running its timers and frames.
  if (fakeClock) await page.clock.runFor(1000);
  else await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 400)));
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `  ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join('\n')}`).join('\n');
  // Soft: one run lists the findings of every route in the test.
  expect.soft(summary, `${route}: serious or critical axe violations`).toBe('');
}

test('library, history and author (flagship loaded) have no serious or critical violations', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await expectAccessible(page, 'library');

  await page.goto('/history');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'history');

  await page.goto('/author');
  await page.getByLabel('Open a scenario file').setInputFiles('scenarios/sso-outage-monday.yaml');
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('No problems');
  await expect(page.getByRole('img', { name: /^Statechart: 6 phases/ }).locator('.statechart-node')).toHaveCount(6);
  await expect(page.getByRole('region', { name: 'Dry run' }).getByRole('row', { name: /Expert reference/ })).toBeVisible();
  await expectAccessible(page, 'author');
});

test('console mid-incident, facilitator window and projector view have no serious or critical violations', async ({ page }) => {
  test.setTimeout(90_000);
  const library = new LibraryPage(page);
  await library.goto();
  const attemptId = await library.startFlagship('practice');
  const play = new ConsolePage(page);
  await play.setSpeed(10);
  await play.resume();
  await play.acknowledgeFirstAlert();
  await play.requestEvidence(flagship.evidence.signinLogs);
  await play.waitForEvidence(flagship.evidence.signinLogs);
  await play.pause();
  await play.openButton(flagship.evidence.signinLogs).click();
  const dialog = page.getByRole('dialog', { name: flagship.evidence.signinLogs });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'console with the evidence dialog open');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expectAccessible(page, 'console');

  const fac = await FacilitatorPage.open(page);
  await expect(fac.log.getByText(`Requested ${flagship.evidence.signinLogs}.`)).toBeVisible();
  await expectAccessible(fac.page, 'facilitator');
  await fac.page.close();

  const projector = await page.context().newPage();
  await projector.goto(`/project/${attemptId}`);
  await expect(projector.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(projector, 'projector');
});

test('debrief of a finished attempt has no serious or critical violations', async ({ page }, info) => {
  const file = info.outputPath('expert.attempt.json');
  writeFileSync(file, fileText);
  await new LibraryPage(page).goto();
  await page.getByLabel('Import attempt file').setInputFiles(file);
  await page.getByRole('button', { name: /^Debrief / }).click();
  await expect(page.getByRole('figure', { name: /Timeline chart/ }).locator('.recharts-scatter-symbol').first()).toBeVisible();
  await expectAccessible(page, 'debrief');
});

test('interview set-up, scorecard (locked and unlocked) and compare have no serious or critical violations', async ({ page }) => {
  test.setTimeout(60_000);
  const setup = new InterviewSetupPage(page);
  await setup.openFromLibrary();
  await expectAccessible(page, 'interview new');
  await setup.submit({ candidate: 'Alex Candidate', scenarioTitle: flagship.title, passphrase: 'correct horse battery staple' });
  const attemptId = await setup.waitForConsole();
  await expectAccessible(page, 'interview console');

  const scorecard = new InterviewScorecardPage(page);
  await scorecard.goto(attemptId);
  await expectAccessible(page, 'interview scorecard (locked)');
  await scorecard.unlock('correct horse battery staple');
  await expectAccessible(page, 'interview scorecard (unlocked)');

  await page.goto('/interview/compare');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'interview compare');
});

test('a live region announces a new critical alert and an overdue status update', async ({ page }) => {
  test.setTimeout(60_000);
  // A faked clock: a jump of real time at 10× moves the simulated clock ten times as far at once.
  await page.clock.install();
  const library = new LibraryPage(page);
  await library.goto();
  await library.startFlagship('practice');
  const play = new ConsolePage(page);
  const announcer = page.locator('[aria-live="assertive"][data-announcer]');
  await expect(announcer).toHaveText('');
  await play.setSpeed(10);
  await play.resume();
  // The flagship's outage begins at 12m with a critical VPN alert; no update is posted, so the
  // first one (due within 15m of the outage at P1) is missed by 27m.
  await expect(async () => {
    await page.clock.fastForward('00:20');
    await expect(announcer).toContainText('Critical alert on', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(announcer).toContainText(/Critical alert on .+ at 08:\d\d: /);
  await expect(async () => {
    await page.clock.fastForward('00:20');
    await expect(announcer).toContainText('Status update overdue', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(announcer).toContainText(/Status update overdue: one was due at \d\d:\d\d and none was posted\./);
  // The console in the outage, a critical alert and an overdue update on screen, passes axe too.
  await play.pause();
  await expectAccessible(page, 'console in the outage', true);
});
