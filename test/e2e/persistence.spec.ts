import { expect, test } from '@playwright/test';
import { LibraryPage } from './pages/library-page.ts';
import { ConsolePage, elapsedMinutes } from './pages/console-page.ts';
import { coordinatorText as say, flagship } from './pages/flagship.ts';

test('reload mid-incident keeps the simulated time and the log', async ({ page, context }) => {
  test.setTimeout(120_000);
  const library = new LibraryPage(page);
  await library.goto();
  const attemptId = await library.startFlagship();
  const play = new ConsolePage(page);
  await play.setSpeed(10);
  await play.resume();
  await play.acknowledgeFirstAlert();
  await play.setPriority('medium', 'high');
  await play.requestEvidence(flagship.evidence.changeCalendar);
  await play.requestEvidence(flagship.evidence.signinLogs);
  await play.postUpdate('Service desk', say.serviceDeskUpdate);
  await play.waitForEvidence(flagship.evidence.changeCalendar);
  await play.pause();
  // Actions queue behind the clock's writes: once this one shows in the log, the clock has
  // stopped and everything before it is stored.
  await play.declareMajorIncident();

  const before = { time: await play.timeOfDay(), elapsed: await play.elapsed(), log: await play.logLines() };
  expect(elapsedMinutes(before.elapsed), 'the clock ran before the reload').toBeGreaterThanOrEqual(1);
  expect(before.log.length).toBeGreaterThan(5);

  await page.reload();
  await expect(play.clock).toBeVisible();
  await expect(play.resumeButton, 'a reloaded attempt is paused').toBeVisible();
  expect(await play.timeOfDay()).toBe(before.time);
  expect(await play.elapsed()).toBe(before.elapsed);
  expect(await play.logLines()).toEqual(before.log);
  await expect(play.incident).toContainText('Priority: P2');
  await expect(play.incident).toContainText('Major incident declared');
  await expect(play.openButton(flagship.evidence.changeCalendar)).toBeVisible();
  await expect(play.evidence, 'the evidence still on its way is still on its way').toContainText('requested, arrives');

  await test.step('closing the tab and opening the attempt again resumes it too', async () => {
    await page.close();
    const again = await context.newPage();
    const reopened = new ConsolePage(again);
    await reopened.goto(attemptId);
    await expect(reopened.resumeButton).toBeVisible();
    expect(await reopened.timeOfDay()).toBe(before.time);
    expect(await reopened.elapsed()).toBe(before.elapsed);
    expect(await reopened.logLines()).toEqual(before.log);

    // And the clock carries on from there: the sign-in logs requested before the reload arrive.
    await reopened.setSpeed(10);
    await reopened.resume();
    await reopened.waitForEvidence(flagship.evidence.signinLogs);
    expect(elapsedMinutes(await reopened.elapsed())).toBeGreaterThan(elapsedMinutes(before.elapsed));
  });
});

test('a second tab is told the attempt is open elsewhere and can take over', async ({ page, context }) => {
  test.setTimeout(90_000);
  const library = new LibraryPage(page);
  await library.goto();
  await library.startFlagship();
  const first = new ConsolePage(page);
  await first.setSpeed(10);
  await first.resume();
  await first.acknowledgeFirstAlert();

  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByRole('heading', { name: 'This attempt is open in another tab' })).toBeVisible();
  await expect(other.getByRole('region', { name: 'Simulated clock' }), 'the second tab does not run the attempt').toHaveCount(0);
  await expect(first.pauseButton, 'the first tab keeps running meanwhile').toBeVisible();

  await other.getByRole('button', { name: 'Take over here' }).click();
  const second = new ConsolePage(other);
  await expect(second.clock).toBeVisible();
  await expect(second.log, 'the second tab carries on from the stored log').toContainText(/Acknowledged the \w+ alert on/);
  await expect(second.resumeButton, 'the taken-over attempt opens paused').toBeVisible();

  await expect(page.getByRole('alert').filter({ hasText: 'opened in another tab' })).toBeVisible();
  await expect(first.clock.getByRole('button', { name: /^(Pause|Resume)$/ }), 'the first tab can no longer run the clock').toBeDisabled();

  await test.step('an action in the first tab is not saved anywhere', async () => {
    await first.incident.getByRole('button', { name: 'Declare major incident' }).click();
    await expect(first.incident.getByRole('alert')).toContainText('open in another tab');
    await expect(first.log).not.toContainText('Declared a major incident.');
    await expect(second.log).not.toContainText('Declared a major incident.');
    await other.reload();
    await expect(second.clock).toBeVisible();
    await expect(second.log).toContainText(/Acknowledged the \w+ alert on/);
    await expect(second.log, 'nothing from the first tab reached the database').not.toContainText('Declared a major incident.');
  });

  await test.step('the tab that took over writes', async () => {
    await second.declareMajorIncident();
    await other.reload();
    await expect(second.log).toContainText('Declared a major incident.');
  });
});
