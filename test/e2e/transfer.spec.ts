import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { LibraryPage } from './pages/library-page.ts';
import { expected, fileText } from './pages/expert-attempt.ts';

async function freshLibrary(browser: Browser): Promise<{ page: Page; library: LibraryPage }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const library = new LibraryPage(page);
  await library.goto();
  return { page, library };
}

async function importFile(page: Page, path: string) {
  await page.getByLabel('Import attempt file').setInputFiles(path);
}

test('an exported attempt imports on a fresh profile and re-scores identically', async ({ browser }, info) => {
  const original = info.outputPath('expert.attempt.json');
  writeFileSync(original, fileText);

  const first = await freshLibrary(browser);
  await importFile(first.page, original);
  await expect(first.page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
  await first.page.getByRole('button', { name: /^Open / }).click();
  const card = first.page.getByRole('region', { name: 'Scorecard' });
  await expect(card).toContainText(`Total ${expected.total}`);
  for (const [name, d] of [['Severity', 'severity'], ['Escalation', 'escalation'], ['Communication', 'communication'], ['RCA quality', 'rca']] as const) {
    await expect(card.getByRole('region', { name: `${name}: ${expected.dimensions[d].score} of 100` })).toBeVisible();
  }

  // Export it again from the browser and import that file on another fresh profile.
  const download = first.page.waitForEvent('download');
  await card.getByRole('button', { name: 'Export attempt' }).click();
  const again = info.outputPath('again.attempt.json');
  await (await download).saveAs(again);
  expect(JSON.parse(readFileSync(again, 'utf8')).log).toEqual(JSON.parse(fileText).log);

  const second = await freshLibrary(browser);
  await importFile(second.page, again);
  await second.page.getByRole('button', { name: /^Open / }).click();
  await expect(second.page.getByRole('region', { name: 'Scorecard' })).toContainText(`Total ${expected.total}`);
});

test('a corrupted or tampered file is refused and the stored attempts are intact', async ({ browser }, info) => {
  const good = info.outputPath('good.attempt.json');
  writeFileSync(good, fileText);
  const { page } = await freshLibrary(browser);
  await importFile(page, good);
  const rows = page.getByRole('region', { name: 'Your attempts' }).getByRole('row');
  await expect(rows).toHaveCount(2); // header + one attempt

  const truncated = info.outputPath('truncated.attempt.json');
  writeFileSync(truncated, fileText.slice(0, fileText.length / 2));
  await importFile(page, truncated);
  await expect(page.getByRole('alert')).toContainText('was not imported: The file is not valid JSON');

  const tampered = info.outputPath('tampered.attempt.json');
  writeFileSync(tampered, fileText.replace('"to": "iam"', '"to": "network"'));
  await importFile(page, tampered);
  await expect(page.getByRole('alert')).toContainText('changed after it was exported');

  await page.reload();
  await expect(rows).toHaveCount(2);
});
