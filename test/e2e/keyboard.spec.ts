import { expect, test } from '@playwright/test';
import { LibraryPage } from './pages/library-page.ts';
import { ConsolePage, DIMENSION_LABELS, type Dimension } from './pages/console-page.ts';
import { Keyboard, expectFocusVisible } from './pages/keyboard.ts';
import { coordinatorText as say, flagship } from './pages/flagship.ts';

// The Due date field is typed as month, day, year: pin the locale that orders them so.
test.use({ locale: 'en-US' });

test('keyboard only: a full run from the library to the scorecard', async ({ page }) => {
  test.setTimeout(300_000);
  const kb = new Keyboard(page);
  const library = new LibraryPage(page);
  await library.goto();

  // Interviews are set up on /interview/new and end without a scorecard; this run is practice.
  await test.step('library: choose practice mode and start the flagship', async () => {
    await kb.choose(library.mode, 'Practice (hints and nudges)');
    await expectFocusVisible(library.mode, 'the Mode select');
    await kb.tabTo(library.startButton(flagship.title));
    await expectFocusVisible(library.startButton(flagship.title), 'the Start button');
    await page.keyboard.press('Enter');
    await library.waitForConsole();
  });

  const play = new ConsolePage(page);
  await expect(page.getByText(/Practice · situation:/)).toBeVisible();

  await test.step('clock: 10× with the arrow keys, then Resume', async () => {
    await kb.chooseRadio(play.speedRadio(1), play.speedRadio(10), 3);
    await expectFocusVisible(play.speedRadio(10), 'the 10× radio');
    await kb.press(play.resumeButton);
    await expect(play.pauseButton, 'focus stays on the clock button once it says Pause').toBeFocused();
    await expectFocusVisible(play.pauseButton, 'the Pause button');
  });

  await test.step('triage', async () => {
    await kb.press(play.acknowledgeButtons().first());
    await play.waitForLog(/Acknowledged the \w+ alert on/);
    await kb.choose(play.impact, 'medium');
    await kb.choose(play.urgency, 'high');
    await kb.press(play.setPriorityButton);
    await play.waitForLog('Priority set to P2');
    await kb.press(play.requestButton(flagship.evidence.signinLogs));
    await play.waitForLog(`Requested ${flagship.evidence.signinLogs}.`);
    await kb.press(play.requestButton(flagship.evidence.changeCalendar), 'Space');
    await play.waitForLog(`Requested ${flagship.evidence.changeCalendar}.`);
    await kb.press(play.incident.getByRole('button', { name: 'Declare major incident' }));
    await play.waitForLog('Declared a major incident.');
    await kb.press(play.incident.getByRole('button', { name: 'Open bridge' }));
    await play.waitForLog('Opened the bridge.');
    await kb.choose(play.incident.getByRole('combobox', { name: 'Role', exact: true }), 'Incident commander');
    await kb.type(play.incident.getByRole('textbox', { name: 'Person', exact: true }), 'Duty incident coordinator');
    await expectFocusVisible(play.incident.getByRole('textbox', { name: 'Person', exact: true }), 'the Person field');
    await kb.press(play.incident.getByRole('button', { name: 'Assign role' }));
    await play.waitForLog('Incident commander: Duty incident coordinator.');
  });

  await test.step('read the evidence in its dialog, then escalate to IAM with it', async () => {
    await play.waitForEvidence(flagship.evidence.signinLogs);
    await play.waitForEvidence(flagship.evidence.changeCalendar);
    const opener = play.openButton(flagship.evidence.signinLogs);
    await kb.press(opener);
    const dialog = page.getByRole('dialog', { name: flagship.evidence.signinLogs });
    await expect(dialog).toBeVisible();
    const focusInDialog = () => dialog.evaluate((el) => ({ inside: el.contains(document.activeElement), on: document.activeElement?.tagName ?? '' }));
    await expect.poll(focusInDialog, { message: 'focus moves into the evidence dialog' }).toMatchObject({ inside: true });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener, 'focus returns to the button that opened the dialog').toBeFocused();

    await kb.choose(play.escalation.getByRole('combobox', { name: 'To', exact: true }), flagship.team.iam);
    await kb.type(play.escalation.getByRole('textbox', { name: 'Escalation note' }), say.escalationNote);
    await kb.check(play.attachCheckbox(flagship.evidence.signinLogs));
    await expectFocusVisible(play.attachCheckbox(flagship.evidence.signinLogs), 'an Attach evidence checkbox');
    await kb.check(play.attachCheckbox(flagship.evidence.changeCalendar));
    await kb.press(play.escalation.getByRole('button', { name: 'Escalate', exact: true }));
    await play.waitForLog(`Escalated to ${flagship.team.iam} with ${flagship.evidence.signinLogs}, ${flagship.evidence.changeCalendar}`);
    await play.waitForSituation(flagship.phase.investigating);
  });

  await test.step('P1, an update, link the change, roll it back', async () => {
    await kb.choose(play.impact, 'high');
    await kb.press(play.setPriorityButton);
    await play.waitForLog('Priority set to P1');
    await kb.choose(play.updates.getByRole('combobox', { name: 'Audience' }), 'Stakeholders');
    await kb.type(play.updates.getByRole('textbox', { name: 'Update text' }), say.stakeholderUpdate);
    await kb.press(play.updates.getByRole('button', { name: 'Post update' }));
    await play.waitForLog(`Update to Stakeholders: ${say.stakeholderUpdate.slice(0, 40)}`);
    await kb.choose(play.changes.getByRole('combobox', { name: 'Change', exact: true }), flagship.change);
    await kb.press(play.changes.getByRole('button', { name: 'Link change' }));
    await play.waitForLog(`Linked change ${flagship.change}.`);
    await kb.choose(play.mitigation.getByRole('combobox', { name: 'Mitigation', exact: true }), flagship.mitigation.rollback);
    await kb.press(play.mitigation.getByRole('button', { name: 'Apply mitigation' }));
    await play.waitForLog(`Applied: ${flagship.mitigation.rollback}.`);
    await play.waitForSituation(flagship.phase.restored);
  });

  await test.step('resolve and send the resolution notice', async () => {
    await kb.type(play.resolution.getByRole('textbox', { name: 'Resolution summary' }), say.resolutionSummary);
    await kb.press(play.resolution.getByRole('button', { name: 'Resolve', exact: true }));
    await expect(play.rca).toBeVisible();
    await expect(play.rca.getByRole('heading', { name: 'Root-cause analysis' }), 'focus moves to the RCA form').toBeFocused();
    await kb.choose(play.updates.getByRole('combobox', { name: 'Audience' }), 'Stakeholders');
    await kb.type(play.updates.getByRole('textbox', { name: 'Update text' }), say.resolutionUpdate);
    await kb.press(play.updates.getByRole('button', { name: 'Post update' }));
    await play.waitForLog(`Update to Stakeholders: ${say.resolutionUpdate.slice(0, 40)}`);
  });

  await test.step('RCA', async () => {
    const form = play.rca;
    await kb.type(form.getByRole('textbox', { name: /^Proximate cause/ }), say.rca.proximateCause);
    await expectFocusVisible(form.getByRole('textbox', { name: /^Proximate cause/ }), 'the Proximate cause field');
    await kb.type(form.getByRole('textbox', { name: /^Root cause/ }), say.rca.rootCause);
    for (const [i, factor] of say.rca.contributingFactors.slice(0, 2).entries()) {
      if (i > 0) await kb.press(form.getByRole('button', { name: 'Add contributing factor' }));
      await kb.type(form.getByRole('textbox', { name: `Contributing factor ${i + 1}`, exact: true }), factor);
    }
    for (const [i, action] of say.rca.actions.entries()) {
      if (i > 0) await kb.press(form.getByRole('button', { name: 'Add action' }));
      const group = form.getByRole('group', { name: `Action ${i + 1}`, exact: true });
      await kb.choose(group.getByRole('combobox', { name: 'Kind' }), action.kind);
      await kb.type(group.getByRole('textbox', { name: `Action ${i + 1} text`, exact: true }), action.text);
      await kb.type(group.getByRole('textbox', { name: 'Owner' }), action.owner);
      const due = group.getByLabel('Due');
      await kb.tabTo(due);
      const [year, month, day] = action.due.split('-');
      await page.keyboard.type(`${month}${day}${year}`);
      await expect(due).toHaveValue(action.due);
      await kb.type(group.getByRole('textbox', { name: 'Measure of success' }), action.measure);
    }
    await kb.press(form.getByRole('button', { name: 'Submit RCA' }));
  });

  await expect(play.scorecard).toBeVisible();
  await expect(play.scorecard.getByRole('heading', { name: 'Scorecard' }), 'focus moves to the scorecard').toBeFocused();
  const card = await play.scorecardNumbers();
  expect(card.total).toBeGreaterThan(0);
  for (const d of Object.keys(DIMENSION_LABELS) as Dimension[]) expect(card.dimensions[d].evidence.length, `${DIMENSION_LABELS[d]} evidence`).toBeGreaterThan(0);

  const downloading = page.waitForEvent('download');
  await kb.press(play.scorecard.getByRole('button', { name: 'Export transcript' }));
  expect((await downloading).suggestedFilename()).toMatch(/\.json$/);

  // The debrief opens from the scorecard by keyboard too, and its chart points take focus.
  await kb.press(play.scorecard.getByRole('button', { name: 'Open debrief' }));
  await expect(page.getByRole('heading', { level: 1, name: `Debrief: ${flagship.title}` })).toBeVisible();
  const point = page.getByRole('figure', { name: /Timeline chart/ }).getByRole('img', { name: /Escalated to/ }).first();
  await kb.tabTo(point);
  await expect(point, 'focus stays on the point it reached').toBeFocused();
  await expect(page.locator('.chart-focus')).toContainText('Escalated to');
  // Tab moves on to the next point (focusing one must not redraw the chart and drop the focus).
  await page.keyboard.press('Tab');
  await expect(page.locator('.chart-focus')).not.toContainText('Escalated to Identity');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('class'))).toBe('chart-point');
});
