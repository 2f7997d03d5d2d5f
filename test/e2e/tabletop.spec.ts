import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { LibraryPage } from './pages/library-page.ts';
import { ConsolePage } from './pages/console-page.ts';
import { FacilitatorPage } from './pages/facilitator-page.ts';
import { flagship } from './pages/flagship.ts';

test('a tabletop: participants, decisions tagged by person, the projector follows live, the debrief credits the team', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();

  await test.step('the library asks for the participants before a tabletop starts', async () => {
    await library.mode.selectOption('tabletop');
    await library.startButton(flagship.title).click();
    await expect(page.getByRole('alert')).toContainText('A tabletop needs its participants');
    await page.getByRole('textbox', { name: 'Participants' }).fill('Ana, Ben\nChloé');
    await library.startButton(flagship.title).click();
    await library.waitForConsole();
  });
  const play = new ConsolePage(page);

  await test.step('the scribe screen has no hints, and a "Decided by" choice of the participants', async () => {
    await expect(page.getByRole('complementary', { name: 'Practice aids' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Hint' })).toHaveCount(0);
    const decidedBy = play.incident.getByRole('combobox', { name: 'Decided by' });
    await expect(decidedBy.getByRole('option')).toHaveText(['The team', 'Ana', 'Ben', 'Chloé']);
  });

  const [projectorPage] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Open projector view' }).click()]);
  const decisions = projectorPage.getByRole('region', { name: 'Decisions' });
  await expect(decisions).toContainText('No decisions yet.');
  await expect(projectorPage.getByRole('timer', { name: 'Time of day' })).toHaveText(await play.clock.getByRole('timer').innerText());
  await expect(projectorPage.getByText(/^Situation:/)).toContainText(flagship.phase.degraded);

  await test.step('decisions are recorded with who made them and shown on the projector live', async () => {
    await play.incident.getByRole('combobox', { name: 'Decided by' }).selectOption('Ben');
    await play.declareMajorIncident();
    await expect(decisions.getByText('Ben: Declared a major incident.')).toBeVisible();
    await play.incident.getByRole('combobox', { name: 'Decided by' }).selectOption('Ana');
    await play.setPriority('high', 'high');
    await expect(decisions).toContainText('Ana: Priority set to P1');
    await expect(projectorPage.getByText(/Priority: P1/)).toBeVisible();
    await play.incident.getByRole('combobox', { name: 'Decided by' }).selectOption('The team');
    await play.openBridge();
    await expect(decisions).toContainText('The team: Opened the bridge.');
    // The projector shows no answer key and no score.
    await expect(projectorPage.getByText(/Answer key|Live score|score/i)).toHaveCount(0);
  });

  await test.step('the debrief and the report credit the team', async () => {
    const fac = await FacilitatorPage.open(page);
    await fac.addNote('Ben called the major incident early.');
    await fac.jumpTo('09:55');
    await expect(play.rca).toBeVisible();
    await expect(projectorPage.getByRole('timer', { name: 'Time of day' })).toHaveText('09:55');
    await expect(projectorPage.getByText(/Time is up/)).toBeVisible();
    await play.submitRca({ proximateCause: 'Signing certificate rotated', rootCause: 'No relying-party check before rotation', contributingFactors: ['No runbook'], actions: [{ kind: 'preventive', text: 'Add a rotation checklist', owner: 'IAM', due: '2026-12-01', measure: 'Checklist used' }] });
    const downloading = page.waitForEvent('download');
    await play.scorecard.getByRole('button', { name: 'Download report (Markdown)' }).click();
    const report = readFileSync((await (await downloading).path()) ?? '', 'utf8');
    expect(report).toContain('**Team:** Ana, Ben, Chloé');
    expect(report).toMatch(/### Ben\n\n- 08:40 \(\+0m\) Declared a major incident\./);
    expect(report).toContain('note: Ben called the major incident early.');

    await play.scorecard.getByRole('button', { name: 'Open debrief' }).click();
    const team = page.getByRole('region', { name: 'Team' });
    await expect(team.getByRole('heading', { name: 'Team: Ana, Ben, Chloé' })).toBeVisible();
    await expect(team.getByRole('region', { name: 'Decisions by Ben' })).toContainText('Declared a major incident.');
    await expect(team.getByRole('region', { name: 'Decisions by Ana' })).toContainText('Priority set to P1');
    await expect(team.getByRole('region', { name: 'Decisions by Chloé' })).toContainText('No decisions recorded for them.');
    await expect(team.getByRole('region', { name: 'Decisions by The team' })).toContainText('Opened the bridge.');
    // The scribe's console is gone (on to the debrief): the projector says it stopped following.
    await expect(projectorPage.getByText("The scribe's window is closed")).toBeVisible();
  });
});
