import { expect, type Locator, type Page } from '@playwright/test';

export type WeightLabel = 'Severity' | 'Escalation' | 'Communication' | 'RCA quality';

/** `/interview/new`: the hiring manager's set-up form. */
export class InterviewSetupPage {
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Interview' });
  }

  /** Opens the page from the library's link. */
  async openFromLibrary(): Promise<void> {
    await this.page.goto('/');
    await this.page.getByRole('link', { name: 'Set up an interview' }).click();
    await expect(this.page.getByRole('heading', { name: 'Set up an interview' })).toBeVisible();
  }

  weight(label: WeightLabel): Locator {
    return this.form.getByRole('spinbutton', { name: `${label} weight` });
  }

  async setWeights(weights: Readonly<Record<WeightLabel, string>>): Promise<void> {
    for (const [label, value] of Object.entries(weights) as [WeightLabel, string][]) await this.weight(label).fill(value);
  }

  async saveTemplate(name: string): Promise<void> {
    await this.form.getByRole('textbox', { name: 'Template name' }).fill(name);
    await this.form.getByRole('button', { name: 'Save as template' }).click();
    await expect(this.page.getByRole('status')).toContainText(`Saved the template "${name}"`);
  }

  async applyTemplate(): Promise<void> {
    await this.form.getByRole('button', { name: 'Apply template' }).click();
  }

  /** Fills the form and presses Start interview (no wait: the caller checks what follows). */
  async submit(options: { candidate: string; scenarioTitle?: string; passphrase: string; repeat?: string }): Promise<void> {
    await this.form.getByRole('textbox', { name: 'Candidate name' }).fill(options.candidate);
    if (options.scenarioTitle) await this.form.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: options.scenarioTitle });
    await this.form.getByLabel('Passphrase', { exact: true }).fill(options.passphrase);
    await this.form.getByLabel('Repeat passphrase').fill(options.repeat ?? options.passphrase);
    await this.form.getByRole('button', { name: 'Start interview' }).click();
  }

  /** Waits for the candidate's console; returns the attempt id. */
  async waitForConsole(): Promise<string> {
    await this.page.waitForURL(/\/play\/[A-Za-z0-9_-]+$/);
    await expect(this.page.getByText(/Interview · situation:/)).toBeVisible();
    return /\/play\/([A-Za-z0-9_-]+)$/.exec(new URL(this.page.url()).pathname)?.[1] ?? '';
  }
}

/** `/interview/<attemptId>`: the interviewer's scorecard, locked until the passphrase is given. */
export class InterviewScorecardPage {
  readonly unlockForm: Locator;
  readonly results: Locator;
  readonly notes: Locator;

  constructor(readonly page: Page) {
    this.unlockForm = page.getByRole('form', { name: 'Unlock the interview' });
    this.results = page.getByRole('region', { name: 'Interview results' });
    this.notes = page.getByRole('region', { name: 'Interviewer notes' });
  }

  async goto(attemptId: string): Promise<void> {
    await this.page.goto(`/interview/${attemptId}`);
    await expect(this.unlockForm).toBeVisible();
  }

  async tryPassphrase(passphrase: string): Promise<void> {
    await this.unlockForm.getByLabel('Passphrase').fill(passphrase);
    await this.unlockForm.getByRole('button', { name: 'Unlock' }).click();
  }

  /** Unlocks and returns the weighted total shown. */
  async unlock(passphrase: string): Promise<number> {
    await this.tryPassphrase(passphrase);
    await expect(this.results).toContainText('Weighted total');
    return Number(/Weighted total\s*(\d+)/.exec(await this.results.innerText())?.[1]);
  }

  async addNote(text: string): Promise<void> {
    await this.notes.getByRole('textbox', { name: 'Note' }).fill(text);
    await this.notes.getByRole('button', { name: 'Add note' }).click();
    await expect(this.notes.getByRole('listitem').filter({ hasText: text })).toBeVisible();
  }

  /** Adds a score adjustment with its reason; waits for the dimension to show it. */
  async adjust(dimension: WeightLabel, points: number, reason: string): Promise<void> {
    const form = this.page.getByRole('region', { name: 'Adjust a score' });
    await form.getByRole('combobox', { name: 'Dimension' }).selectOption({ label: dimension });
    await form.getByRole('spinbutton', { name: 'Points' }).fill(String(points));
    await form.getByRole('textbox', { name: 'Reason' }).fill(reason);
    await form.getByRole('button', { name: 'Add adjustment' }).click();
    await expect(this.results.getByRole('region', { name: new RegExp(`^${dimension}: \\d+ of 100$`) })).toContainText(reason);
  }

  async total(): Promise<number> {
    return Number(/Weighted total\s*(\d+)/.exec(await this.results.innerText())?.[1]);
  }

  /** Clicks "Export transcript" and saves the download to `path`. */
  async exportTranscript(path: string): Promise<void> {
    const downloading = this.page.waitForEvent('download');
    await this.results.getByRole('button', { name: 'Export transcript' }).click();
    await (await downloading).saveAs(path);
  }
}

/** `/interview/compare`: finished interviews on one scenario, side by side. */
export class InterviewComparePage {
  readonly heading: Locator;
  readonly candidates: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Compare candidates' });
    this.candidates = page.getByRole('region', { name: 'Candidates' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/interview/compare');
    await expect(this.heading).toBeVisible();
  }

  row(candidate: string): Locator {
    return this.candidates.getByRole('row', { name: candidate, exact: true });
  }

  async unlockAll(passphrase: string): Promise<void> {
    const form = this.candidates.getByRole('form', { name: 'Unlock with one passphrase' });
    await form.getByLabel('Passphrase').fill(passphrase);
    await form.getByRole('button', { name: 'Unlock' }).click();
  }

  /** The total shown in a candidate's row. */
  totalCell(candidate: string): Locator {
    return this.row(candidate).getByRole('cell').first();
  }

  async exportCsv(path: string): Promise<void> {
    await this.download('Export comparison (CSV)', path);
  }

  async exportMarkdown(path: string): Promise<void> {
    await this.download('Export summary (Markdown)', path);
  }

  private async download(button: string, path: string): Promise<void> {
    const downloading = this.page.waitForEvent('download');
    await this.candidates.getByRole('button', { name: button }).click();
    await (await downloading).saveAs(path);
  }
}

/** The attempt and interview rows as stored, read straight from IndexedDB in the page. */
export async function storedInterviewRows(page: Page, attemptId: string): Promise<{ attempt: Record<string, unknown>; interview: Record<string, unknown> }> {
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
