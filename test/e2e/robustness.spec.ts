import { truncateSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { HOSTILE_TITLE, HOSTILE_TRAINEE, hostileAttemptFile, hostileYaml, PAYLOAD } from './pages/hostile.ts';
import { ConsolePage } from './pages/console-page.ts';

/** Records Content-Security-Policy violations and dialogs for the whole test, across navigations. */
async function watch(page: Page): Promise<{ violations: string[]; dialogs: string[] }> {
  const seen = { violations: [] as string[], dialogs: [] as string[] };
  await page.exposeFunction('__reportViolation', (text: string) => seen.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportViolation: (t: string) => void }).__reportViolation(`${e.violatedDirective} ${e.blockedURI} at ${location.pathname} (${e.sourceFile}:${e.lineNumber}:${e.columnNumber})`);
    });
  });
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return seen;
}

/** Nothing from the payload ran or became an element: no flag, no <img src=x>, no inline <script>. */
async function expectInert(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('script:not([src])')).toHaveCount(0);
}

test('hostile text in a scenario and an attempt file shows literally, runs nothing, and the app raises no CSP violation', async ({ page }) => {
  const seen = await watch(page);
  // The built app carries the policy.
  await page.goto('/');
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /script-src 'self';/);

  await page.goto('/author');
  await page.getByLabel('Open a scenario file').setInputFiles({ name: 'hostile.yaml', mimeType: 'text/yaml', buffer: Buffer.from(hostileYaml) });
  await page.getByRole('button', { name: 'Save to library' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved "hostile-sso" to the library' })).toBeVisible();
  await expectInert(page);

  await page.goto('/');
  const card = page.getByRole('article', { name: HOSTILE_TITLE, exact: true });
  await expect(card.getByRole('heading')).toHaveText(HOSTILE_TITLE);
  await card.getByRole('button', { name: `Start ${HOSTILE_TITLE}`, exact: true }).click();
  const console = new ConsolePage(page);
  await expect(console.clock).toBeVisible();
  await console.setSpeed(10);
  await console.resume();
  // The first scripted alert arrives with the payload as plain text.
  await expect(console.alerts.getByText(PAYLOAD.trim(), { exact: false }).first()).toBeVisible({ timeout: 20_000 });
  await console.pause();
  await expectInert(page);

  // An attempt file with the payload in the trainee name, the updates and the RCA, played to the debrief.
  await page.goto('/');
  await page.getByLabel('Import attempt file').setInputFiles({ name: 'hostile.attempt.json', mimeType: 'application/json', buffer: Buffer.from(hostileAttemptFile) });
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your attempts' })).toContainText(HOSTILE_TRAINEE);
  await expectInert(page);
  await page.getByRole('region', { name: 'Your attempts' }).getByRole('row').filter({ hasText: HOSTILE_TRAINEE }).getByRole('button', { name: /^Open / }).click();
  await expect(page.getByRole('region', { name: 'Scorecard' })).toBeVisible();
  await expect(page.getByText(PAYLOAD.trim(), { exact: false }).first()).toBeVisible();
  await expectInert(page);

  // The other main routes, for CSP violations (charts, lazy chunks, the interview crypto).
  for (const path of ['/history', '/interview/new', '/interview/compare']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectInert(page);
  }
  expect(seen.dialogs).toEqual([]);
  expect(seen.violations).toEqual([]);
});

test('oversized files are refused with their size and the limit, and the page stays usable', async ({ page }, info) => {
  await page.goto('/');
  // 50 MB of attempt file (a sparse file on disk: a buffer that size is too slow to send to the browser): refused from its size, before it is read.
  const huge = info.outputPath('huge.attempt.json');
  writeFileSync(huge, '');
  truncateSync(huge, 50_000_000);
  await page.getByLabel('Import attempt file').setInputFiles(huge);
  await expect(page.getByRole('alert')).toContainText('"huge.attempt.json" was not imported: the file is 50.0 MB; an attempt file may be at most 20.0 MB');
  await expect(page.getByRole('region', { name: 'Your attempts' })).toContainText('No attempts yet');

  await page.goto('/author');
  await page.getByLabel('Open a scenario file').setInputFiles({ name: 'huge.yaml', mimeType: 'text/yaml', buffer: Buffer.alloc(3_000_000, 0x20) });
  await expect(page.getByRole('alert').filter({ hasText: '"huge.yaml" was not opened: it is 3.0 MB; a scenario file may be at most 500 kB' })).toBeVisible();

  // 100,000 injects in a file small enough to read: the checker refuses it at its line.
  const injects = Array.from({ length: 100_000 }, () => '{}').join(',');
  await page.getByLabel('Open a scenario file').setInputFiles({ name: 'injects.yaml', mimeType: 'text/yaml', buffer: Buffer.from(`id: many\ntitle: Many\nphases:\n  start:\n    timeline: [${injects}]\n`) });
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('injects.yaml:5 phases.start.timeline: the scenario has 100000 timeline entries; at most 2000 are allowed', { timeout: 20_000 });
  // Still responsive: the page navigates on.
  await page.getByRole('link', { name: /library/i }).first().click();
  await expect(page.getByRole('heading', { name: 'Incident Drill', level: 1 })).toBeVisible();
});
