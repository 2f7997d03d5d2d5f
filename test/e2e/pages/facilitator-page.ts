import { expect, type Locator, type Page } from '@playwright/test';

/** `/facilitate/<attemptId>`: the facilitator's window, opened from the trainee console. */
export class FacilitatorPage {
  readonly clock: Locator;
  readonly inject: Locator;
  readonly answerKey: Locator;
  readonly liveScore: Locator;
  readonly log: Locator;
  readonly notes: Locator;
  readonly adjustments: Locator;

  constructor(readonly page: Page) {
    this.clock = page.getByRole('region', { name: 'Clock control' });
    this.inject = page.getByRole('region', { name: 'Ad-hoc inject' });
    this.answerKey = page.getByRole('region', { name: 'Answer key' });
    this.liveScore = page.getByRole('region', { name: 'Live score' });
    this.log = page.getByRole('region', { name: 'Activity log' });
    this.notes = page.getByRole('region', { name: 'Notes' });
    this.adjustments = page.getByRole('region', { name: 'Score adjustments' });
  }

  /** Clicks the trainee console's button and returns the facilitator window it opens. */
  static async open(trainee: Page): Promise<FacilitatorPage> {
    const [popup] = await Promise.all([trainee.context().waitForEvent('page'), trainee.getByRole('button', { name: 'Open facilitator window' }).click()]);
    const page = new FacilitatorPage(popup);
    await expect(page.clock).toBeVisible();
    await expect(page.clock.getByRole('button', { name: /^(Pause|Resume)$/ })).toBeEnabled();
    return page;
  }

  async jumpTo(time: string): Promise<void> {
    await this.clock.getByRole('textbox', { name: 'Jump to clock time' }).fill(time);
    await this.clock.getByRole('button', { name: 'Jump', exact: true }).click();
  }

  /** Sends an ad-hoc inject now, or at a clock time ("HH:MM"). */
  async sendInject(kind: 'Alert' | 'User report' | 'Stakeholder message', from: string, text: string, at?: string): Promise<void> {
    await this.inject.getByRole('combobox', { name: 'Kind' }).selectOption({ label: kind });
    await this.inject.getByRole('textbox', { name: kind === 'Alert' ? 'Source' : 'From' }).fill(from);
    await this.inject.getByRole('textbox', { name: 'Inject text' }).fill(text);
    if (at) {
      await this.inject.getByRole('radio', { name: 'At clock time' }).check();
      await this.inject.getByRole('textbox', { name: 'Arrival time' }).fill(at);
    } else {
      await this.inject.getByRole('radio', { name: 'Now' }).check();
    }
    await this.inject.getByRole('button', { name: 'Send inject' }).click();
    await expect(this.inject.getByRole('status')).toHaveText(at ? `Scheduled for ${at}.` : 'Sent.');
  }

  async addNote(text: string): Promise<void> {
    await this.notes.getByRole('textbox', { name: 'Note' }).fill(text);
    await this.notes.getByRole('button', { name: 'Add note' }).click();
    await expect(this.notes.getByRole('listitem').filter({ hasText: text })).toBeVisible();
  }

  async adjust(dimension: string, points: number, reason: string): Promise<void> {
    await this.adjustments.getByRole('combobox', { name: 'Dimension' }).selectOption({ label: dimension });
    await this.adjustments.getByRole('spinbutton', { name: 'Points' }).fill(String(points));
    await this.adjustments.getByRole('textbox', { name: 'Reason (required)' }).fill(reason);
    await this.adjustments.getByRole('button', { name: 'Adjust score' }).click();
  }

  /** The live score's row for a dimension: automatic, adjustments, score. */
  async scoreRow(dimension: string): Promise<{ automatic: number; score: number }> {
    const cells = this.liveScore.getByRole('row', { name: new RegExp(`^${dimension}\\b`) }).getByRole('cell');
    return { automatic: Number(await cells.nth(0).innerText()), score: Number(await cells.nth(2).innerText()) };
  }

  async total(): Promise<number> {
    return Number(/total (\d+)/.exec(await this.liveScore.getByRole('heading').innerText())?.[1]);
  }
}
