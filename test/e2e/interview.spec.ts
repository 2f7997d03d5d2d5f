import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ConsolePage } from './pages/console-page.ts';
import { coordinatorText as say, flagship, FLAGSHIP_FILE } from './pages/flagship.ts';
import { InterviewComparePage, InterviewScorecardPage, InterviewSetupPage, storedInterviewRows } from './pages/interview-pages.ts';

const WEIGHTS = { Severity: '10', Escalation: '20', Communication: '30', 'RCA quality': '40' } as const;
const STORED_WEIGHTS = { severity: 10, escalation: 20, communication: 30, rca: 40 };
const PASSPHRASE = 'correct horse battery staple';

interface CliScorecard {
  total: number;
  dimensions: Record<string, { score: number; weight: number }>;
}

/** Sets up an interview on the flagship with custom weights from the library's link; returns the attempt id. */
async function setUpInterview(page: Page, candidate: string): Promise<string> {
  const setup = new InterviewSetupPage(page);
  await setup.openFromLibrary();
  await setup.setWeights(WEIGHTS);
  await setup.submit({ candidate, scenarioTitle: flagship.title, passphrase: PASSPHRASE });
  return setup.waitForConsole();
}

/**
 * Plays the flagship to the end quickly. The page's clock is faked (test.beforeEach), so a jump
 * of real time moves the simulated clock at once: at 10×, 20 real seconds are 200 simulated.
 */
async function playToTheEnd(page: Page, thorough: boolean): Promise<void> {
  const play = new ConsolePage(page);
  await play.setSpeed(10);
  await play.resume();
  await play.acknowledgeFirstAlert();
  if (thorough) {
    await play.setPriority('medium', 'high');
    await play.postUpdate('Service desk', say.serviceDeskUpdate);
  }
  await play.escalate(flagship.team.iam, thorough ? say.escalationNote : 'SSO sign-ins failing, please look.');
  await play.applyMitigation(flagship.mitigation.rollback);
  await expect(async () => {
    await page.clock.fastForward('00:20');
    await expect(play.situation).toContainText(flagship.phase.restored, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await play.resolve(say.resolutionSummary);
  await play.fillAndSubmitRca(thorough ? say.rca : { ...say.rca, contributingFactors: [say.rca.contributingFactors[0] ?? ''], actions: [] });
  await expect(page.getByRole('heading', { name: 'Interview complete. Your interviewer will review it.' })).toBeVisible();
}

/** Exports the unlocked interview's transcript and replays it in the CLI. */
async function exportAndReplay(scorecard: InterviewScorecardPage, path: string): Promise<CliScorecard> {
  await scorecard.exportTranscript(path);
  const transcript = JSON.parse(readFileSync(path, 'utf8')) as { mode: string; weights: Record<string, number> };
  expect(transcript.mode).toBe('interview');
  expect(transcript.weights).toEqual(STORED_WEIGHTS);
  const cli = spawnSync('npx', ['tsx', 'src/cli/replay.ts', FLAGSHIP_FILE, path, '--json'], { encoding: 'utf8' });
  expect(cli.status, `replay CLI failed:\n${cli.stderr}`).toBe(0);
  return JSON.parse(cli.stdout) as CliScorecard;
}

test.beforeEach(async ({ page }) => {
  await page.clock.install();
});

test('an interview shows the candidate no score or answer key, stores none in the clear, and unlocks only with the passphrase', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  await test.step('set-up: weights saved as a template and applied again; a short passphrase is refused', async () => {
    const setup = new InterviewSetupPage(page);
    await setup.openFromLibrary();
    await setup.setWeights(WEIGHTS);
    await setup.saveTemplate('Comms heavy');
    await setup.weight('Severity').fill('70');
    await setup.applyTemplate();
    await expect(setup.weight('Severity')).toHaveValue('10');
    await setup.submit({ candidate: 'Nobody', passphrase: 'short' });
    await expect(page.getByRole('alert')).toContainText('at least 8 characters');
    await setup.submit({ candidate: 'Nobody', passphrase: 'long enough 1', repeat: 'long enough 2' });
    await expect(page.getByRole('alert')).toContainText('The two passphrases differ');
  });

  const id = await setUpInterview(page, 'Ada Candidate');
  await expect(page.getByRole('region', { name: 'Post update' })).not.toContainText(/Next update (due|is due)/);
  await expect(page.getByRole('complementary', { name: 'Practice aids' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Hint' })).toHaveCount(0);
  await playToTheEnd(page, true);

  await test.step('the candidate page shows no score and no answer key', async () => {
    const text = await page.locator('body').innerText();
    expect(text).not.toContain('/100');
    expect(text).not.toMatch(/expected|severity curve|Total\s*\d/i);
    await expect(page.getByRole('region', { name: 'Scorecard' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Open debrief' })).toHaveCount(0);
  });

  await test.step('storage holds no total and no plain results', async () => {
    await expect.poll(async () => Boolean((await storedInterviewRows(page, id)).interview['results']), { message: 'results sealed' }).toBe(true);
    const { attempt, interview } = await storedInterviewRows(page, id);
    expect(attempt).toMatchObject({ mode: 'interview', status: 'scored', trainee: 'Ada Candidate' });
    expect(attempt).not.toHaveProperty('total');
    expect(JSON.stringify(interview)).not.toMatch(/"total"|"evidence"|"dimensions"|"automatic"/);
    expect(interview['weights']).toEqual(STORED_WEIGHTS);
  });

  await test.step('the library and the debrief keep the score locked', async () => {
    await page.goto('/');
    const row = page.getByRole('region', { name: 'Your attempts' }).getByRole('row').filter({ hasText: 'Ada Candidate' });
    await expect(row).toContainText('Locked');
    await expect(row.getByRole('button', { name: /^Debrief/ })).toHaveCount(0);
    await page.goto(`/debrief/${id}`);
    await expect(page.getByRole('heading', { name: 'Interview results are locked' })).toBeVisible();
    await expect(page.getByText('/100')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'interview scorecard' })).toHaveAttribute('href', `/interview/${id}`);
  });

  const scorecard = new InterviewScorecardPage(page);
  await test.step('a wrong passphrase does not unlock', async () => {
    await scorecard.goto(id);
    await scorecard.tryPassphrase('not the passphrase');
    await expect(page.getByRole('alert')).toHaveText('Wrong passphrase');
    await expect(page.getByText('Weighted total')).toHaveCount(0);
  });

  const total = await scorecard.unlock(PASSPHRASE);
  await test.step('unlocked: weights, rubric version, hire signals; a note is stored sealed', async () => {
    await expect(scorecard.results).toContainText('Rubric version 2026.11');
    await expect(scorecard.results).toContainText('Severity 10, Escalation 20, Communication 30, RCA quality 40');
    await expect(scorecard.results).toContainText('strong ≥ 80, meets ≥ 60');
    await expect(scorecard.results.getByRole('region', { name: /^RCA quality: \d+ of 100$/ })).toContainText(/Strong|Meets the bar|Below the bar/);
    await scorecard.addNote('Kept the service desk informed unprompted');
    expect(JSON.stringify((await storedInterviewRows(page, id)).interview)).not.toContain('service desk informed');
  });

  await test.step('an adjustment with its reason changes the total, and is stored sealed', async () => {
    await scorecard.adjust('RCA quality', -30, 'Could not explain the root cause when asked');
    await expect.poll(() => scorecard.total()).toBeLessThan(total);
    expect(JSON.stringify((await storedInterviewRows(page, id)).interview)).not.toContain('explain the root cause');
  });

  await test.step('the exported transcript (with the adjustment) replays in the CLI to the same score', async () => {
    const card = await exportAndReplay(scorecard, testInfo.outputPath('interview.json'));
    expect(card.total).toBe(await scorecard.total());
    expect(card.total).toBeLessThan(total);
    expect(card.dimensions['rca']?.weight).toBe(40);
  });
});

test('two candidates on the same scenario, compared side by side, score as their CLI replays', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const compare = new InterviewComparePage(page);
  await compare.goto(); // renders with no interviews yet

  const ids: string[] = [];
  for (const [candidate, thorough] of [['Ada', true], ['Bo', false]] as const) {
    ids.push(await setUpInterview(page, candidate));
    await playToTheEnd(page, thorough);
  }
  const replayed: number[] = [];
  const scorecard = new InterviewScorecardPage(page);
  for (const [i, id] of ids.entries()) {
    await scorecard.goto(id);
    const shown = await scorecard.unlock(PASSPHRASE);
    const cli = await exportAndReplay(scorecard, testInfo.outputPath(`candidate-${i}.json`));
    expect(cli.total).toBe(shown);
    replayed.push(cli.total);
  }
  expect(replayed[0], 'the thorough candidate scores higher').toBeGreaterThan(replayed[1] ?? 0);

  await compare.goto();
  await expect(compare.row('Ada')).toContainText('Locked');
  await compare.unlockAll(PASSPHRASE);
  for (const [i, name] of ['Ada', 'Bo'].entries()) {
    await expect(compare.totalCell(name)).toHaveText(String(replayed[i]));
    await expect(compare.row(name)).toContainText('10/20/30/40');
    await expect(compare.row(name)).toContainText('2026.11');
  }
  await expect(page.getByRole('list', { name: 'Ada: actions' }).getByRole('listitem').first()).toBeVisible();

  const csvPath = testInfo.outputPath('comparison.csv');
  await compare.exportCsv(csvPath);
  const lines = readFileSync(csvPath, 'utf8').trim().split(/\r\n/);
  expect(lines).toHaveLength(3);
  expect(lines[1]).toMatch(new RegExp(`^${flagship.id},Ada,${ids[0]},2026\\.11,${replayed[0]},`));
  expect(lines[2]).toMatch(new RegExp(`^${flagship.id},Bo,${ids[1]},2026\\.11,${replayed[1]},`));

  const mdPath = testInfo.outputPath('comparison.md');
  await compare.exportMarkdown(mdPath);
  const md = readFileSync(mdPath, 'utf8');
  expect(md).toContain(`# Interview comparison: ${flagship.title}`);
  expect(md).toContain('by rubric version 2026.11');
  expect(md).toMatch(new RegExp(`\\| Ada \\| ${replayed[0]} \\|`));
  expect(md).toMatch(new RegExp(`\\| Bo \\| ${replayed[1]} \\|`));
  expect(md).toContain('| Ada | 10 | 20 | 30 | 40 |');
});
