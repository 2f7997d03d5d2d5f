import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const flagship = readFileSync('scenarios/sso-outage-monday.yaml', 'utf8');
// The flagship under a new id and title: a scenario an author brings from outside.
const custom = flagship.replace('id: sso-outage-monday', 'id: sso-outage-copy').replace('title: "Monday 08:40: nobody can sign in"', 'title: "Our own SSO drill"');

test('an imported valid scenario joins the library, starts, exports back verbatim and can be deleted', async ({ page }, info) => {
  const file = info.outputPath('our-sso-drill.yaml');
  writeFileSync(file, custom);
  await page.goto('/author');
  await page.getByLabel('Open a scenario file').setInputFiles(file);
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('No problems');
  await page.getByRole('button', { name: 'Save to library' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved "sso-outage-copy" to the library' })).toBeVisible();

  await page.goto('/');
  const card = page.getByRole('article', { name: 'Our own SSO drill' });
  await expect(card).toContainText('Imported');
  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Export our-sso-drill.yaml' }).click();
  const exported = info.outputPath('exported.yaml');
  await (await download).saveAs(exported);
  expect(readFileSync(exported, 'utf8')).toBe(custom);

  await card.getByRole('button', { name: 'Start Our own SSO drill' }).click();
  await expect(page.getByRole('region', { name: 'Simulated clock' })).toBeVisible();
  await page.goto('/');
  await page.getByRole('article', { name: 'Our own SSO drill' }).getByRole('button', { name: 'Delete our-sso-drill.yaml' }).click();
  await expect(page.getByRole('article', { name: 'Our own SSO drill' })).toHaveCount(0);
});

test('a broken file shows its errors at their lines; nothing is stored unless saved as a draft, which cannot start', async ({ page }, info) => {
  const file = info.outputPath('broken.yaml');
  writeFileSync(file, custom.replace('duration: 75m', 'duration: 75 minutes'));
  await page.goto('/author');
  await page.getByLabel('Open a scenario file').setInputFiles(file);
  await expect(page.getByRole('region', { name: 'Problems' }).getByRole('alert').first()).toContainText('broken.yaml:');
  await expect(page.getByRole('region', { name: 'Problems' }).getByRole('alert').first()).toContainText('is not a duration');

  await page.goto('/');
  await expect(page.getByRole('article', { name: /broken\.yaml/ })).toHaveCount(0);

  await page.goto('/author');
  await page.getByLabel('Open a scenario file').setInputFiles(file);
  await page.getByRole('button', { name: 'Save to library' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as a draft with 1 error' })).toBeVisible();
  await page.goto('/');
  const draft = page.getByRole('article', { name: 'broken.yaml (invalid)' });
  await expect(draft).toContainText('A draft with problems');
  await expect(draft.getByRole('button', { name: /^Start/ })).toHaveCount(0);
});
