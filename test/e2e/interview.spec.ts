import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ConsolePage } from './pages/console-page.ts';
import { coordinatorText as say, flagship, FLAGSHIP_FILE } from './pages/flagship.ts';

const WEIGHTS = { Severity: '10', Escalation: '20', Communication: '30', 'RCA quality': '40' } as const;
const PASSPHRASE = 'correct horse battery staple';

interface CliScorecard {
  total: number;
  dimensions: Record<string, { score: number; weight: number }>;
}

/** Sets up an interview on the flagship with custom weights; returns the attempt id (the console is open). */
async function setUpInterview(page: Page, candidate: string, passphrase = PASSPHRASE): Promise<string> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Set up an interview' }).click();
  await expect(page.getByRole('heading', { name: 'Set up an interview' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Interview' });
  await form.getByRole('textbox', { name: 'Candidate name' }).fill(candidate);
  await form.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: flagship.title });
  for (const [label, value] of Object.entries(WEIGHTS)) await form.getByRole('spinbutton', { name: `${label} weight` }).fill(value);
  await form.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await form.getByLabel('Repeat passphrase').fill(passphrase);
  await form.getByRole('button', { name: 'Start interview' }).click();
  await page.waitForURL(/\/play\/[A-Za-z0-9_-]+$/);
  await expect(page.getByText(/Interview · situation:/)).toBeVisible();
  return /\/play\/([A-Za-z0-9_-]+)$/.exec(new URL(page.url()).pathname)?.[1] ?? '';
}

/**
 * Plays the flagship to the end quickly: the page's clock is faked, so a jump of real time
 * moves the simulated clock at once (10× speed: 1 real minute is 10 simulated minutes).
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

/** The stored rows, read straight from IndexedDB in the page. */
async function storedRows(page: Page, attemptId: string): Promise<{ attempt: Record<string, unknown>; interview: Record<string, unknown> }> {
  return page.evaluate(
    (id) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('incident-drill');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['attempts', 'interviews'], 'readonly');
          const attempt = tx.objectStore('attempts').get(id);
          const interview = tx.objectStore('interviews').get(id);
          tx.oncomplete = () => {
            open.result.close();
            resolve({ attempt: attempt.result, interview: interview.result });
          };
        };
      }),
    attemptId,
  );
}

async function unlockScorecard(page: Page, attemptId: string): Promise<number> {
  await page.goto(`/interview/${attemptId}`);
  const form = page.getByRole('form', { name: 'Unlock the interview' });
  await form.getByLabel('Passphrase').fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Unlock' }).click();
  const results = page.getByRole('region', { name: 'Interview results' });
  await expect(results).toContainText('Weighted total');
  return Number(/Weighted total\s*(\d+)/.exec(await results.innerText())?.[1]);
}

async function exportAndReplay(page: Page, path: string): Promise<CliScorecard> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export transcript' }).click();
  await (await downloading).saveAs(path);
  const transcript = JSON.parse(readFileSync(path, 'utf8')) as { mode: string; weights: Record<string, number> };
  expect(transcript.mode).toBe('interview');
  expect(transcript.weights).toEqual({ severity: 10, escalation: 20, communication: 30, rca: 40 });
  const cli = spawnSync('npx', ['tsx', 'src/cli/replay.ts', FLAGSHIP_FILE, path, '--json'], { encoding: 'utf8' });
  expect(cli.status, `replay CLI failed:\n${cli.stderr}`).toBe(0);
  return JSON.parse(cli.stdout) as CliScorecard;
}

test.beforeEach(async ({ page }) => {
  await page.clock.install();
});

test('an interview shows the candidate no score or answer key, stores none in the clear, and unlocks only with the passphrase', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  await test.step('templates: save the weights and apply them again', async () => {
    await page.goto('/interview/new');
    const form = page.getByRole('form', { name: 'Interview' });
    for (const [label, value] of Object.entries(WEIGHTS)) await form.getByRole('spinbutton', { name: `${label} weight` }).fill(value);
    await form.getByRole('textbox', { name: 'Template name' }).fill('Comms heavy');
    await form.getByRole('button', { name: 'Save as template' }).click();
    await expect(page.getByRole('status')).toContainText('Saved the template "Comms heavy"');
    await form.getByRole('spinbutton', { name: 'Severity weight' }).fill('70');
    await form.getByRole('button', { name: 'Apply template' }).click();
    await expect(form.getByRole('spinbutton', { name: 'Severity weight' })).toHaveValue('10');
    await form.getByLabel('Passphrase', { exact: true }).fill('short');
    await form.getByLabel('Repeat passphrase').fill('short');
    await form.getByRole('textbox', { name: 'Candidate name' }).fill('Nobody');
    await form.getByRole('button', { name: 'Start interview' }).click();
    await expect(page.getByRole('alert')).toContainText('at least 8 characters');
  });

  const id = await setUpInterview(page, 'Ada Candidate');
  await expect(page.getByRole('region', { name: 'Post update' })).not.toContainText(/Next update (due|is due)/);
  await expect(page.getByRole('complementary', { name: 'Practice aids' })).toHaveCount(0);
  await playToTheEnd(page, true);

  await test.step('the candidate page shows no score and no answer key', async () => {
    const text = await page.locator('body').innerText();
    expect(text).not.toContain('/100');
    expect(text).not.toMatch(/expected|severity curve|Total\s*\d/i);
    await expect(page.getByRole('region', { name: 'Scorecard' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Open debrief' })).toHaveCount(0);
  });

  await test.step('storage holds no total, no plain results', async () => {
    await expect.poll(async () => Boolean((await storedRows(page, id)).interview['results']), { message: 'results sealed' }).toBe(true);
    const { attempt, interview } = await storedRows(page, id);
    expect(attempt).toMatchObject({ mode: 'interview', status: 'scored', trainee: 'Ada Candidate' });
    expect(attempt).not.toHaveProperty('total');
    const stored = JSON.stringify(interview);
    expect(stored).not.toMatch(/"total"|"evidence"|"dimensions"/);
    expect(interview['weights']).toEqual({ severity: 10, escalation: 20, communication: 30, rca: 40 });
  });

  await test.step('the library and the debrief keep the score locked', async () => {
    await page.goto('/');
    const row = page.getByRole('region', { name: 'Your attempts' }).getByRole('row').filter({ hasText: 'Ada Candidate' });
    await expect(row).toContainText('Locked');
    await page.goto(`/debrief/${id}`);
    await expect(page.getByRole('heading', { name: 'Interview results are locked' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'interview scorecard' })).toHaveAttribute('href', `/interview/${id}`);
  });

  await test.step('a wrong passphrase does not unlock', async () => {
    await page.goto(`/interview/${id}`);
    const form = page.getByRole('form', { name: 'Unlock the interview' });
    await form.getByLabel('Passphrase').fill('not the passphrase');
    await form.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('alert')).toHaveText('Wrong passphrase');
    await expect(page.getByText('Weighted total')).toHaveCount(0);
  });

  const total = await unlockScorecard(page, id);
  await test.step('unlocked: weights, rubric version, hire signals, a sealed note', async () => {
    const results = page.getByRole('region', { name: 'Interview results' });
    await expect(results).toContainText('Rubric version 2026.11');
    await expect(results).toContainText('Severity 10, Escalation 20, Communication 30, RCA quality 40');
    await expect(results).toContainText('strong ≥ 80, meets ≥ 60');
    await expect(results.getByRole('region', { name: /^RCA quality: \d+ of 100$/ })).toContainText(/Strong|Meets the bar|Below the bar/);
    const notes = page.getByRole('region', { name: 'Interviewer notes' });
    await notes.getByRole('textbox', { name: 'Note' }).fill('Kept the service desk informed unprompted');
    await notes.getByRole('button', { name: 'Add note' }).click();
    await expect(notes.getByRole('listitem')).toContainText('Kept the service desk informed unprompted');
    expect(JSON.stringify((await storedRows(page, id)).interview)).not.toContain('service desk informed');
  });

  await test.step('the exported transcript replays in the CLI to the same score', async () => {
    const card = await exportAndReplay(page, testInfo.outputPath('interview.json'));
    expect(card.total).toBe(total);
    expect(card.dimensions['rca']?.weight).toBe(40);
  });
});

test('two candidates on the same scenario, compared side by side, score as their CLI replays', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await page.goto('/interview/compare');
  await expect(page.getByRole('heading', { name: 'Compare candidates' })).toBeVisible();

  const ids: string[] = [];
  for (const [candidate, thorough] of [['Ada', true], ['Bo', false]] as const) {
    ids.push(await setUpInterview(page, candidate));
    await playToTheEnd(page, thorough);
  }
  const replayed: number[] = [];
  for (const [i, id] of ids.entries()) {
    await unlockScorecard(page, id);
    replayed.push((await exportAndReplay(page, testInfo.outputPath(`candidate-${i}.json`))).total);
  }

  await page.goto('/interview/compare');
  const candidates = page.getByRole('region', { name: 'Candidates' });
  await expect(candidates.getByRole('row', { name: 'Ada', exact: true })).toContainText('Locked');
  const unlockAll = candidates.getByRole('form', { name: 'Unlock with one passphrase' });
  await unlockAll.getByLabel('Passphrase').fill(PASSPHRASE);
  await unlockAll.getByRole('button', { name: 'Unlock' }).click();
  for (const [i, name] of ['Ada', 'Bo'].entries()) {
    const row = candidates.getByRole('row', { name, exact: true });
    await expect(row.getByRole('cell').first()).toHaveText(String(replayed[i]));
    await expect(row).toContainText('10/20/30/40');
    await expect(row).toContainText('2026.11');
  }
  await expect(page.getByRole('list', { name: 'Ada: actions' }).getByRole('listitem').first()).toBeVisible();

  const downloading = page.waitForEvent('download');
  await candidates.getByRole('button', { name: 'Export comparison (CSV)' }).click();
  const csvPath = testInfo.outputPath('comparison.csv');
  await (await downloading).saveAs(csvPath);
  const lines = readFileSync(csvPath, 'utf8').trim().split(/\r\n/);
  expect(lines).toHaveLength(3);
  expect(lines[1]).toMatch(new RegExp(`^${flagship.id},Ada,${ids[0]},2026\\.11,${replayed[0]},`));
  expect(lines[2]).toMatch(new RegExp(`^${flagship.id},Bo,${ids[1]},2026\\.11,${replayed[1]},`));
});
