import { expect, test } from '@playwright/test';
import { LibraryPage } from './pages/library-page.ts';

test('an update being typed survives a reload', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.startFlagship();
  const panel = page.getByRole('region', { name: 'Post update' });
  const text = 'Staff cannot sign in to the VPN since 08:40; IAM is investigating. Next update 09:10.';
  await panel.getByRole('textbox', { name: 'Update text' }).fill(text);
  await expect(panel.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Post update' }).getByRole('textbox', { name: 'Update text' })).toHaveValue(text);
});
