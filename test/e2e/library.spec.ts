import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';

// Every file in scenarios/ appears in the library with its title, difficulty, duration and summary.
const scenarios = readdirSync('scenarios')
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => parse(readFileSync(`scenarios/${f}`, 'utf8')) as { title: string; difficulty: string; duration: string; summary: string });

test('the library lists every scenario file', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Scenario library' })).toBeVisible();
  expect(scenarios.length).toBeGreaterThan(0);
  for (const s of scenarios) {
    const card = page.getByRole('article', { name: s.title });
    await expect(card).toBeVisible();
    await expect(card.getByRole('heading', { name: s.title })).toBeVisible();
    await expect(card).toContainText(new RegExp(s.difficulty, 'i'));
    await expect(card).toContainText(s.duration);
    await expect(card).toContainText(s.summary.trim().slice(0, 60));
  }
  await expect(page.getByRole('article')).toHaveCount(scenarios.length);
});

test('the library filters by difficulty', async ({ page }) => {
  await page.goto('/');
  const byDifficulty = (d: string) => scenarios.filter((s) => s.difficulty === d).length;
  for (const [value, label] of [['intro', 'Intro'], ['intermediate', 'Intermediate'], ['advanced', 'Advanced']] as const) {
    await page.getByRole('combobox', { name: 'Difficulty' }).selectOption({ label });
    await expect(page.getByRole('article')).toHaveCount(byDifficulty(value));
  }
  await page.getByRole('combobox', { name: 'Difficulty' }).selectOption({ label: 'All' });
  await expect(page.getByRole('article')).toHaveCount(scenarios.length);
});
