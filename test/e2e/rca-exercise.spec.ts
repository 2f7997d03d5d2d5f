import { expect, test } from '@playwright/test';
import { flagship } from './pages/flagship.ts';
import { LibraryPage } from './pages/library-page.ts';

test('the “Write the RCA” exercise keeps every field across a reload and scores the RCA alone', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.card(flagship.title).getByRole('button', { name: `Write the RCA for ${flagship.title}` }).click();
  await page.waitForURL(/\/play\//);
  const record = page.getByRole('region', { name: 'Incident record' });
  await expect(record.getByRole('heading', { name: 'Evidence' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Simulated clock' })).toHaveCount(0);

  const form = page.getByRole('region', { name: 'Root-cause analysis' });
  const root = 'CHG-4411 promoted the new signing certificate to primary before the VPN, M365 and HR portal trusted it, because the runbook imports and activates in one step.';
  await form.getByRole('textbox', { name: /^Proximate cause/ }).fill('The relying parties rejected SAML assertions signed with the new token-signing certificate.');
  await form.getByRole('textbox', { name: /^Root cause/ }).fill(root);
  await expect(form.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();

  await page.reload();
  const again = page.getByRole('region', { name: 'Root-cause analysis' });
  await expect(again.getByRole('textbox', { name: /^Root cause/ })).toHaveValue(root);
  await again.getByRole('button', { name: 'Submit RCA' }).click();

  const card = page.getByRole('region', { name: 'Scorecard' });
  await expect(card.getByRole('region', { name: /^RCA quality: \d+ of 100$/ })).toBeVisible();
  await expect(card.getByRole('region', { name: /^Severity:/ })).toHaveCount(0);
  const rca = await card.getByRole('region', { name: /^RCA quality:/ }).getAttribute('aria-label');
  await expect(card).toContainText(`Total ${/(\d+) of 100/.exec(rca ?? '')?.[1]}`);
});
