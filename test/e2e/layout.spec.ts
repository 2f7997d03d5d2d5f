import { expect, test } from '@playwright/test';
import { LibraryPage } from './pages/library-page.ts';
import { ConsolePage } from './pages/console-page.ts';
import { coordinatorText as say, flagship } from './pages/flagship.ts';

// A reviewer looks at these: the console mid-incident at the two sizes the issue names.
for (const size of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`console mid-incident at ${size.width}×${size.height}: main regions on screen, screenshot saved`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(size);
    const library = new LibraryPage(page);
    await library.goto();
    await library.startFlagship();
    const play = new ConsolePage(page);
    await play.setSpeed(10);
    await play.resume();
    await play.acknowledgeFirstAlert();
    await play.setPriority('medium', 'high');
    await play.requestEvidence(flagship.evidence.changeCalendar);
    await play.requestEvidence(flagship.evidence.signinLogs);
    await play.declareMajorIncident();
    await play.postUpdate('Service desk', say.serviceDeskUpdate);
    // Let the scenario bring in a second alert (the print queue, at +3m) and a user report.
    await expect(play.alerts.getByRole('article')).toHaveCount(2, { timeout: 60_000 });
    await expect(play.reports.getByRole('article').first()).toBeVisible();
    await play.waitForEvidence(flagship.evidence.changeCalendar);
    await play.pause();
    await page.screenshot({ path: `test-results/console-${size.width}.png` });

    // Soft, so one run lists every region that is off screen, not just the first.
    for (const [name, region] of Object.entries(play.mainRegions())) {
      await expect(region, `region "${name}" is visible`).toBeVisible();
      const box = await region.boundingBox();
      await expect
        .soft(region, `region "${name}" should be at least partly on screen at ${size.width}×${size.height} without scrolling, but its top is at y=${Math.round(box?.y ?? -1)}`)
        .toBeInViewport({ timeout: 1_000 });
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'no horizontal scrolling').toBeLessThanOrEqual(0);
  });
}
