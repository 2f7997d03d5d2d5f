import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

test('the author page checks a scenario as it is typed, and previews and dry-runs a valid one', async ({ page }) => {
  await page.goto('/author');
  const editor = page.getByRole('textbox', { name: 'Scenario YAML' });
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('No problems');
  await expect(page.getByRole('region', { name: 'Dry run' })).toContainText('Total 0/100');

  // Break a duration: the same message as the CLI appears at its line.
  const starter = await editor.inputValue();
  const line = starter.split('\n').findIndex((l) => l.startsWith('duration:')) + 1;
  await editor.fill(starter.replace('duration: 45m', 'duration: 45 minutes'));
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems.getByRole('alert').first()).toContainText(`new-scenario.yaml:${line} duration: "45 minutes" is not a duration like 90s, 5m, 1h30m`);
  await expect(page.getByRole('region', { name: 'Dry run' })).toHaveCount(0);

  // Open the flagship from disk: it is valid, so the previews appear.
  await page.getByLabel('Open a scenario file').setInputFiles('scenarios/sso-outage-monday.yaml');
  await expect(editor).toHaveValue(readFileSync('scenarios/sso-outage-monday.yaml', 'utf8'));
  await expect(problems).toContainText('No problems');
  await expect(page.getByRole('region', { name: 'Statechart' })).toContainText('degraded');
  await expect(page.getByRole('region', { name: 'Statechart' })).toContainText('after 12m');
  await expect(page.getByRole('region', { name: 'Statechart' })).toContainText('on escalate:iam');
  await expect(page.getByRole('region', { name: 'Dry run' })).toContainText(/Path: 0m degraded → 12m outage → 27m wider-outage/);
  const timeline = page.getByRole('region', { name: 'Timeline preview' });
  await expect(timeline).toContainText('→ outage after 12m');
  await expect(timeline).toContainText('→ investigating on escalate:iam');
  await expect(timeline).toContainText('→ wider-outage by force-global-signout');
});
