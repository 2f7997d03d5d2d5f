import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { LibraryPage } from './pages/library-page.ts';
import { expected, fileText } from './pages/expert-attempt.ts';

test('a finished attempt’s debrief shows the charts, the evidence and the expert side by side', async ({ page }, info) => {
  const file = info.outputPath('expert.attempt.json');
  writeFileSync(file, fileText);
  const library = new LibraryPage(page);
  await library.goto();
  await page.getByLabel('Import attempt file').setInputFiles(file);
  await page.getByRole('button', { name: /^Debrief / }).click();
  await expect(page).toHaveURL(/\/debrief\/[A-Za-z0-9_-]+$/);

  const scores = page.getByRole('region', { name: 'Scores' });
  await expect(scores).toContainText(`Total ${expected.total}/100`);
  const escalation = scores.getByRole('region', { name: `Escalation: ${expected.dimensions.escalation.score} of 100` });
  await expect(escalation.getByRole('heading', { name: 'Went well' })).toBeVisible();
  await expect(escalation).toContainText('by the deadline');

  const timeline = page.getByRole('figure', { name: /Timeline chart/ });
  await expect(timeline.locator('.recharts-scatter-symbol').first()).toBeVisible();
  await timeline.locator('.recharts-scatter-symbol').first().hover();
  await expect(page.locator('.chart-tooltip')).toBeVisible();
  await expect(page.getByRole('figure', { name: /Priority chart/ }).locator('.recharts-line')).toHaveCount(2);

  // Keyboard users: Tab onto a point and its line is shown below the chart.
  const point = timeline.getByRole('img', { name: /Escalated to Identity & Access Management/ }).first();
  await point.focus();
  await expect(page.locator('.chart-focus')).toContainText('Escalated to Identity & Access Management');
  await page.keyboard.press('Tab');
  await expect(page.locator('.chart-focus')).not.toHaveText('Tab to a point to read it here.');

  // No empty Tab stops in the charts: the first Tab after the report buttons is the first point,
  // and after the last point comes the priority chart, by its name.
  await page.getByRole('button', { name: 'Download report (Markdown)' }).focus();
  await page.keyboard.press('Tab');
  await expect(timeline.locator('.chart-point').first()).toBeFocused();
  await timeline.locator('.chart-point').last().focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('application', { name: /^Priority over time/ })).toBeFocused();

  const sideBySide = page.getByRole('region', { name: 'What an expert did and what you did' });
  await expect(sideBySide.getByRole('heading', { name: 'What an expert did' })).toBeVisible();
  await expect(sideBySide).toContainText('Escalated to Identity & Access Management');

  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page).toHaveURL(/\/play\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole('region', { name: 'Simulated clock' })).toBeVisible();
});
