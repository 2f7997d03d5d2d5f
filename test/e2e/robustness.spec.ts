import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { HOSTILE_TITLE, HOSTILE_TRAINEE, hostileAttemptFile, hostileYaml, PAYLOAD } from './pages/hostile.ts';
import { ConsolePage } from './pages/console-page.ts';
import { LibraryPage } from './pages/library-page.ts';
import { flagship } from './pages/flagship.ts';

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
  const playPath = new URL(page.url()).pathname;
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
  // The debrief of the imported attempt: the reference beside the trainee's actions, the timeline chart.
  await page.goto('/debrief/hostile1');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(PAYLOAD.trim());
  // Scenario texts and the trainee's own (updates, RCA) all show the payload as text.
  await expect.poll(() => page.getByText(PAYLOAD.trim(), { exact: false }).count()).toBeGreaterThan(5);
  await expectInert(page);

  for (const path of ['/history', '/interview/new', '/interview/compare', playPath.replace('/play/', '/facilitate/'), playPath.replace('/play/', '/project/')]) {
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

/** Makes IndexedDB writes throw while `window.__failWrites` names a DOMException (e.g. QuotaExceededError). */
function failWritesOnDemand(): void {
  const targets: [object, string][] = [[IDBObjectStore.prototype, 'add'], [IDBObjectStore.prototype, 'put'], [IDBCursor.prototype, 'update']];
  for (const [proto, name] of targets) {
    const original = (proto as Record<string, (...args: unknown[]) => unknown>)[name];
    if (!original) continue;
    (proto as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      const kind = (window as unknown as { __failWrites?: string }).__failWrites;
      if (kind) throw new DOMException(kind === 'QuotaExceededError' ? 'The quota has been exceeded.' : 'Simulated disk failure', kind);
      return original.apply(this, args);
    };
  }
}
const setFailWrites = (page: Page, kind: string | undefined) => page.evaluate((k) => ((window as unknown as { __failWrites?: string }).__failWrites = k), kind);

test('storage full mid-attempt: the user is told, nothing stored is lost, the attempt exports and carries on once there is room', async ({ page }, info) => {
  await page.addInitScript(failWritesOnDemand);
  await page.goto('/');
  const library = new LibraryPage(page);
  const id = await library.startFlagship();
  const console = new ConsolePage(page);
  await console.declareMajorIncident();

  await setFailWrites(page, 'QuotaExceededError');
  await console.incident.getByRole('button', { name: 'Open bridge' }).click();
  // Said at the top of the console and beside the button that was clicked.
  await expect(page.getByRole('alert').filter({ hasText: 'out of storage space' })).toHaveCount(2);
  await expect(page.getByRole('alert').filter({ hasText: 'out of storage space' }).first()).toContainText('the last action was not saved');
  // Not applied: memory never runs ahead of what is stored.
  await expect(console.incident).toContainText('No bridge');

  // What was stored so far exports as an attempt file, while writes still fail.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export attempt' }).click();
  const file = info.outputPath('saved.attempt.json');
  await (await download).saveAs(file);
  const types = (JSON.parse(readFileSync(file, 'utf8')) as { log: { type: string }[] }).log.map((e) => e.type);
  expect(types).toContain('incident.declare-major');
  expect(types).not.toContain('bridge.open');

  // Any other failed write says so too.
  await setFailWrites(page, 'UnknownError');
  await console.incident.getByRole('button', { name: 'Open bridge' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be saved' }).first()).toContainText('It has not been applied');

  // Space freed: the same click now works and the message goes.
  await setFailWrites(page, undefined);
  await console.openBridge();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // After a reload, the stored log holds everything that was saved, once, in order.
  await page.reload();
  await expect(console.clock).toBeVisible();
  await expect(console.incident).toContainText('Major incident declared');
  await expect(console.incident).toContainText('Bridge open');
  const lines = await console.logLines();
  expect(lines.filter((line) => line.includes('Opened the bridge.'))).toHaveLength(1);
  expect(page.url()).toContain(id);
});

test('IndexedDB unavailable (private browsing): the library says attempts cannot be saved, and nothing pretends to start', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Incident Drill', level: 1 })).toBeVisible();
  const message = 'This browser will not let the app store data (private browsing, or storage is blocked for this site), so attempts cannot be saved here.';
  await expect(page.getByRole('alert')).toContainText(message);
  // The built-in scenarios are still listed; starting one says why it cannot.
  const library = new LibraryPage(page);
  await library.startButton(flagship.title).click();
  await expect(page.getByRole('alert')).toContainText(message);
  expect(new URL(page.url()).pathname).toBe('/');
  // An attempt link opened directly says the same instead of a blank page.
  await page.goto('/play/abc123');
  await expect(page.getByText(message)).toBeVisible();
});
