import { expect, type Locator, type Page } from '@playwright/test';
import { flagship } from './flagship.ts';

export type Mode = 'practice' | 'interview';

/** `/`: the scenario cards, the Mode select and "Your attempts". */
export class LibraryPage {
  readonly heading: Locator;
  readonly mode: Locator;
  readonly attempts: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Scenario library' });
    this.mode = page.getByRole('combobox', { name: 'Mode', exact: true });
    this.attempts = page.getByRole('region', { name: 'Your attempts' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.heading).toBeVisible();
  }

  card(title: string): Locator {
    return this.page.getByRole('article', { name: title, exact: true });
  }

  startButton(title: string): Locator {
    return this.card(title).getByRole('button', { name: `Start ${title}`, exact: true });
  }

  /** Starts a scenario and waits for the console; returns the attempt id from the URL. */
  async start(title: string, mode: Mode = 'practice'): Promise<string> {
    await this.mode.selectOption(mode);
    await this.startButton(title).click();
    return this.waitForConsole();
  }

  async startFlagship(mode: Mode = 'practice'): Promise<string> {
    return this.start(flagship.title, mode);
  }

  /** Waits for the /play/<id> URL and the console's clock; returns the attempt id. */
  async waitForConsole(): Promise<string> {
    await this.page.waitForURL(/\/play\/[A-Za-z0-9_-]+$/);
    await expect(this.page.getByRole('region', { name: 'Simulated clock' })).toBeVisible();
    const id = /\/play\/([A-Za-z0-9_-]+)$/.exec(new URL(this.page.url()).pathname)?.[1];
    if (!id) throw new Error(`No attempt id in ${this.page.url()}`);
    return id;
  }
}
