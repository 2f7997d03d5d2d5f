import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { LibraryPage } from './pages/library-page.ts';
import { ConsolePage } from './pages/console-page.ts';
import { fileText } from './pages/expert-attempt.ts';
import { flagship } from './pages/flagship.ts';

const controllerState = (page: Page) => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none');

/** The service worker installs (precaching the build), then controls the page after a reload. */
async function untilControlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => controllerState(page)).toBe('activated');
}

test('after the first visit the app loads with the network cut, lazy routes included', async ({ page, context }, info) => {
  test.setTimeout(60_000);
  const library = new LibraryPage(page);
  await library.goto();
  await untilControlled(page);

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  await test.step('a reload and a typed address (the lazy author route) load from the cache', async () => {
    await page.reload();
    await expect(library.startButton(flagship.title)).toBeVisible();
    await page.goto('/author');
    await expect(page.getByRole('textbox', { name: 'Scenario YAML' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Problems' })).toContainText('No problems');
  });

  await test.step('an imported attempt’s debrief (lazy, with its charts) and history load offline', async () => {
    const file = info.outputPath('expert.attempt.json');
    writeFileSync(file, fileText);
    await library.goto();
    await page.getByLabel('Import attempt file').setInputFiles(file);
    await page.getByRole('button', { name: /^Debrief / }).click();
    await expect(page.getByRole('figure', { name: /Timeline chart/ }).locator('.recharts-scatter-symbol').first()).toBeVisible();
    await page.goto('/history');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  await test.step('an exercise starts and records actions offline', async () => {
    await library.goto();
    await library.startFlagship('practice');
    const play = new ConsolePage(page);
    await play.declareMajorIncident();
  });
});

// The next test changes dist/sw.js to play a deploy; whatever happens, the built file is put back.
const WORKER = 'dist/sw.js';
let deployedWorker: string | undefined;
test.afterAll(() => {
  if (deployedWorker !== undefined) writeFileSync(WORKER, deployedWorker);
});

test('a new version deployed while the app is open: the user is told, and Reload to update switches to it', async ({ page, context }) => {
  test.setTimeout(60_000);
  const library = new LibraryPage(page);
  await library.goto();
  await untilControlled(page);
  const caches = () => page.evaluate(async () => (await window.caches.keys()).filter((key) => key.startsWith('incident-drill-')));
  const [before] = await caches();
  expect(before).toBeDefined();
  await expect(page.getByRole('complementary', { name: 'New version' })).toHaveCount(0);
  // A second tab on the same build.
  const other = await context.newPage();
  await other.goto('/history');
  await expect.poll(() => controllerState(other)).toBe('activated');

  // "Deploy" a new build: the worker script changes (its version, same length), as a new build's would.
  const worker = WORKER;
  const deployed = readFileSync(worker, 'utf8');
  deployedWorker = deployed;
  const version = /const VERSION = "([0-9a-f]+)";/.exec(deployed)?.[1];
  if (!version) throw new Error('dist/sw.js has no VERSION');
  const next = [...version].reverse().join('') === version ? version.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) : [...version].reverse().join('');
  try {
    writeFileSync(worker, deployed.replace(`const VERSION = "${version}";`, `const VERSION = "${next}";`));
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const notice = page.getByRole('complementary', { name: 'New version' });
    await expect(notice).toContainText('A new version of Incident Drill is ready');
    // The new worker takes over, the tab reloads on it, and the old build's cache is gone.
    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload to update' }).click()]);
    await expect.poll(caches).toEqual([`incident-drill-${next}`]);
    await expect(library.startButton(flagship.title)).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'New version' })).toHaveCount(0);
    // The other tab still runs the old build, and is told so.
    await expect(other.getByRole('complementary', { name: 'New version' })).toContainText('Incident Drill was updated in another tab');
    await Promise.all([other.waitForEvent('load'), other.getByRole('button', { name: 'Reload to update' }).click()]);
    await expect(other.getByRole('complementary', { name: 'New version' })).toHaveCount(0);
  } finally {
    writeFileSync(worker, deployed);
  }
});
