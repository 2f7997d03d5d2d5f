import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

test('the author page checks a scenario as it is typed, and previews and dry-runs a valid one', async ({ page }) => {
  await page.goto('/author');
  const editor = page.getByRole('textbox', { name: 'Scenario YAML' });
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('No problems');
  const dryRun = page.getByRole('region', { name: 'Dry run' });
  // The starter's reference plays too: two rows, and doing nothing scores 0.
  await expect(dryRun.getByRole('row', { name: /No trainee actions/ }).getByRole('cell').first()).toHaveText('0');
  await expect(dryRun.getByRole('row', { name: /Expert reference \(6 actions\)/ })).toBeVisible();

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
  // The statechart is drawn: a box per phase and a labelled arrow per transition.
  const chart = page.getByRole('img', { name: /^Statechart: 6 phases, \d+ transitions$/ });
  await expect(chart.locator('.statechart-node')).toHaveCount(6);
  await expect(chart.locator('.statechart-node[data-phase="degraded"]')).toContainText('degraded');
  await expect(chart).toContainText('after 12m');
  await expect(chart).toContainText('on escalate:iam');
  await expect(chart.locator('.statechart-edge path')).not.toHaveCount(0);

  // Dry run: nothing gives 0 and the path the timers take; the expert reference scores what
  // the CLI gives for the expert transcript (the same actions), dimension by dimension.
  const nothing = dryRun.getByRole('row', { name: /No trainee actions/ });
  await expect(nothing.getByRole('cell').first()).toHaveText('0');
  await expect(nothing).toContainText(/0m degraded → 12m outage → 27m wider-outage/);
  const cli = spawnSync('npx', ['tsx', 'src/cli/replay.ts', 'scenarios/sso-outage-monday.yaml', 'test/transcripts/sso-outage-monday/expert.json', '--json'], { encoding: 'utf8' });
  expect(cli.status, cli.stderr).toBe(0);
  const expected = JSON.parse(cli.stdout) as { total: number; dimensions: Record<string, { score: number }> };
  const cells = dryRun.getByRole('row', { name: /Expert reference/ }).getByRole('cell');
  await expect(cells.nth(0)).toHaveText(String(expected.total));
  for (const [i, d] of ['severity', 'escalation', 'communication', 'rca'].entries()) await expect(cells.nth(i + 1)).toHaveText(String(expected.dimensions[d]?.score));
  await expect(dryRun).toContainText('The expert reference scores 85 or more');
  const timeline = page.getByRole('region', { name: 'Timeline preview' });
  await expect(timeline).toContainText('→ outage after 12m');
  await expect(timeline).toContainText('→ investigating on escalate:iam');
  await expect(timeline).toContainText('→ wider-outage by force-global-signout');
});
