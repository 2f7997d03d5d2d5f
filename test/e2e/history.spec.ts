import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { LibraryPage } from './pages/library-page.ts';
import { expected, fileText } from './pages/expert-attempt.ts';

test('history lists attempts by trainee and charts each dimension over attempts', async ({ page }, info) => {
  const file = info.outputPath('expert.attempt.json');
  writeFileSync(file, fileText);
  const library = new LibraryPage(page);
  await library.goto();
  await page.getByLabel('Import attempt file').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();

  // A second trainee starts an attempt of their own.
  await page.getByRole('combobox', { name: 'Trainee' }).fill('Alex Chen');
  await library.startFlagship();
  await page.goto('/history');

  const attempts = page.getByRole('region', { name: 'Attempts' });
  await expect(attempts.getByRole('row')).toHaveCount(3);
  await page.getByRole('combobox', { name: 'Trainee', exact: true }).selectOption('Sam Rivera');
  await expect(attempts.getByRole('row')).toHaveCount(2);
  await expect(attempts).toContainText(String(expected.total));
  const chart = page.getByRole('figure', { name: 'Scores per dimension over attempts' });
  await expect(chart.locator('.recharts-line')).toHaveCount(5);

  await page.getByRole('combobox', { name: 'Trainee', exact: true }).selectOption('Alex Chen');
  await expect(attempts.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Progress' })).toContainText('No scored attempts match');
});
