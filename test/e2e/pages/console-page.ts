import { DIMENSION_LABEL, type Dimension } from '../../../src/scoring/scorecard.ts';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export type Rating = 'high' | 'medium' | 'low';
export type Audience = 'Stakeholders' | 'Service desk' | 'Executives';
export type RoleLabel = 'Incident commander' | 'Communications lead' | 'Scribe' | 'Technical lead';
export type Speed = 1 | 2 | 5 | 10;

export interface RcaInput {
  readonly proximateCause: string;
  readonly rootCause: string;
  readonly contributingFactors: readonly string[];
  readonly actions: readonly { kind: 'corrective' | 'preventive'; text: string; owner: string; due: string; measure: string }[];
}

/** The four dimensions as the scorecard names them, keyed like the CLI's JSON. */
export const DIMENSION_LABELS = DIMENSION_LABEL;
export type { Dimension };

export interface ScorecardNumbers {
  readonly total: number;
  readonly dimensions: Record<Dimension, { score: number; evidence: string[] }>;
}

/** Simulated minutes at 10× are 6 real seconds; waits for the scenario use this much slack. */
export const SCENARIO_WAIT = 120_000;

/** `/play/<attemptId>`: the trainee console, its regions and the coordinator's moves. */
export class ConsolePage {
  readonly clock: Locator;
  readonly alerts: Locator;
  readonly reports: Locator;
  readonly health: Locator;
  readonly incident: Locator;
  readonly actions: Locator;
  readonly log: Locator;
  readonly rca: Locator;
  readonly scorecard: Locator;
  readonly situation: Locator;
  /** The move groups are regions of their own; the layout may move them between columns. */
  readonly evidence: Locator;
  readonly escalation: Locator;
  readonly updates: Locator;
  readonly mitigation: Locator;
  readonly changes: Locator;
  readonly resolution: Locator;

  constructor(readonly page: Page) {
    this.clock = page.getByRole('region', { name: 'Simulated clock' });
    this.alerts = page.getByRole('region', { name: 'Alerts', exact: true });
    this.reports = page.getByRole('region', { name: 'User reports' });
    this.health = page.getByRole('region', { name: 'Service health' });
    this.incident = page.getByRole('region', { name: 'Incident', exact: true });
    this.actions = page.getByRole('region', { name: 'Actions', exact: true });
    this.log = page.getByRole('region', { name: 'Activity log' });
    this.rca = page.getByRole('region', { name: 'Root-cause analysis' });
    this.scorecard = page.getByRole('region', { name: 'Scorecard' });
    this.situation = page.getByText(/situation:/);
    this.evidence = page.getByRole('region', { name: 'Request evidence' });
    this.escalation = page.getByRole('region', { name: 'Escalate', exact: true });
    this.updates = page.getByRole('region', { name: 'Post update' });
    this.mitigation = page.getByRole('region', { name: 'Apply mitigation' });
    this.changes = page.getByRole('region', { name: 'Link change' });
    this.resolution = page.getByRole('region', { name: 'Resolve', exact: true });
  }

  /** The regions of a running incident, for layout checks. */
  mainRegions(): Record<string, Locator> {
    return {
      'Simulated clock': this.clock,
      Alerts: this.alerts,
      'User reports': this.reports,
      'Service health': this.health,
      Incident: this.incident,
      Actions: this.actions,
      'Post update': this.updates,
      'Activity log': this.log,
    };
  }

  async goto(attemptId: string): Promise<void> {
    await this.page.goto(`/play/${attemptId}`);
    await expect(this.clock).toBeVisible();
  }

  // --- clock -------------------------------------------------------------------------------

  get resumeButton(): Locator {
    return this.clock.getByRole('button', { name: 'Resume', exact: true });
  }

  get pauseButton(): Locator {
    return this.clock.getByRole('button', { name: 'Pause', exact: true });
  }

  speedRadio(speed: Speed): Locator {
    return this.clock.getByRole('radio', { name: `${speed}×`, exact: true });
  }

  async resume(): Promise<void> {
    await this.resumeButton.click();
    await expect(this.pauseButton).toBeVisible();
  }

  async pause(): Promise<void> {
    await this.pauseButton.click();
    await expect(this.resumeButton).toBeVisible();
  }

  async setSpeed(speed: Speed): Promise<void> {
    await this.speedRadio(speed).check();
    await expect(this.speedRadio(speed)).toBeChecked();
  }

  /** "08:43" */
  async timeOfDay(): Promise<string> {
    return (await this.clock.getByLabel('Time of day').innerText()).trim();
  }

  /** "Elapsed +3m20s of 75m" (the word "Elapsed" is visually hidden). */
  async elapsed(): Promise<string> {
    return (await this.clock.getByText(/\+\d\S* of \d/).textContent())?.replace(/\s+/g, ' ').trim() ?? '';
  }

  /** Waits until the simulated clock shows at least `minutes` elapsed. */
  async waitForElapsedMinutes(minutes: number, timeout = SCENARIO_WAIT): Promise<void> {
    await expect
      .poll(async () => elapsedMinutes(await this.elapsed()), { timeout, message: `simulated clock to pass ${minutes}m` })
      .toBeGreaterThanOrEqual(minutes);
  }

  async waitForSituation(title: string, timeout = SCENARIO_WAIT): Promise<void> {
    await expect(this.situation, `situation "${title}"`).toContainText(title, { timeout });
  }

  // --- activity log ------------------------------------------------------------------------

  async waitForLog(text: string | RegExp, timeout = 10_000): Promise<void> {
    await expect(this.log, `activity log line ${String(text)}`).toContainText(text, { timeout });
  }

  /** The log lines, newest first, as shown. */
  async logLines(): Promise<string[]> {
    return (await this.log.getByRole('listitem').allInnerTexts()).map((line) => line.replace(/\s+/g, ' ').trim());
  }

  /** Asserts the action was saved (its log line shows) and not refused. */
  private async expectSaved(logText: string | RegExp, region: Locator): Promise<void> {
    await this.waitForLog(logText);
    await expect(region.getByRole('alert'), 'no refusal message').toHaveCount(0);
  }

  // --- alerts ------------------------------------------------------------------------------

  acknowledgeButtons(): Locator {
    return this.alerts.getByRole('button', { name: /^Acknowledge / });
  }

  /** Acknowledges the newest unacknowledged alert; returns its name ("warning alert on … at 08:40"). */
  async acknowledgeFirstAlert(): Promise<string> {
    const button = this.acknowledgeButtons().first();
    await expect(button).toBeVisible();
    const name = (await button.getAttribute('aria-label'))?.replace(/^Acknowledge /, '') ?? '';
    await button.click();
    const article = this.alerts.getByRole('article', { name, exact: true });
    await expect(article).toContainText('Acknowledged at');
    await this.waitForLog(/Acknowledged the \w+ alert on/);
    return name;
  }

  // --- incident ----------------------------------------------------------------------------

  get impact(): Locator {
    return this.incident.getByRole('combobox', { name: 'Impact', exact: true });
  }

  get urgency(): Locator {
    return this.incident.getByRole('combobox', { name: 'Urgency', exact: true });
  }

  get setPriorityButton(): Locator {
    return this.incident.getByRole('button', { name: /^Set priority P\d$/ });
  }

  /** Chooses impact and urgency, presses "Set priority Pn"; returns the level set. */
  async setPriority(impact: Rating, urgency: Rating): Promise<string> {
    await this.impact.selectOption(impact);
    await this.urgency.selectOption(urgency);
    const level = (await this.setPriorityButton.innerText()).replace('Set priority', '').trim();
    await this.setPriorityButton.click();
    await this.expectSaved(`Priority set to ${level} (impact ${impact}, urgency ${urgency}).`, this.incident);
    await expect(this.incident).toContainText(`Priority: ${level}`);
    return level;
  }

  async declareMajorIncident(): Promise<void> {
    await this.incident.getByRole('button', { name: 'Declare major incident' }).click();
    await this.expectSaved('Declared a major incident.', this.incident);
    await expect(this.incident).toContainText('Major incident declared');
  }

  async openBridge(): Promise<void> {
    await this.incident.getByRole('button', { name: 'Open bridge' }).click();
    await this.expectSaved('Opened the bridge.', this.incident);
    await expect(this.incident).toContainText('Bridge open');
  }

  async assignRole(role: RoleLabel, person: string): Promise<void> {
    await this.incident.getByRole('combobox', { name: 'Role', exact: true }).selectOption({ label: role });
    await this.incident.getByRole('textbox', { name: 'Person', exact: true }).fill(person);
    await this.incident.getByRole('button', { name: 'Assign role' }).click();
    await this.expectSaved(`${role}: ${person}.`, this.incident);
  }

  // --- actions: evidence -------------------------------------------------------------------

  requestButton(title: string): Locator {
    return this.evidence.getByRole('button', { name: `Request ${title}`, exact: true });
  }

  openButton(title: string): Locator {
    return this.evidence.getByRole('button', { name: `Open ${title}`, exact: true });
  }

  async requestEvidence(title: string): Promise<void> {
    await this.requestButton(title).click();
    await this.expectSaved(`Requested ${title}.`, this.evidence);
    await expect(this.requestButton(title)).toHaveCount(0);
  }

  /** Waits for the evidence to arrive: the "Open <title>" button appears. */
  async waitForEvidence(title: string, timeout = SCENARIO_WAIT): Promise<void> {
    await expect(this.openButton(title), `evidence "${title}" to arrive`).toBeVisible({ timeout });
    await this.waitForLog(`Evidence arrived: ${title}`);
  }

  /** Opens the evidence viewer, returns its text, closes it with its Close button. */
  async readEvidence(title: string): Promise<string> {
    await this.openButton(title).click();
    const dialog = this.page.getByRole('dialog', { name: title });
    await expect(dialog).toBeVisible();
    const text = await dialog.innerText();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    return text;
  }

  // --- actions: escalate, update, mitigation, change, resolve ------------------------------

  attachCheckbox(title: string): Locator {
    return this.escalation.getByRole('group', { name: 'Attach evidence' }).getByRole('checkbox', { name: title, exact: true });
  }

  async escalate(to: string, note: string, evidence: readonly string[] = []): Promise<void> {
    await this.escalation.getByRole('combobox', { name: 'To', exact: true }).selectOption({ label: to });
    await this.escalation.getByRole('textbox', { name: 'Escalation note' }).fill(note);
    for (const title of evidence) await this.attachCheckbox(title).check();
    await this.escalation.getByRole('button', { name: 'Escalate', exact: true }).click();
    await this.expectSaved(`Escalated to ${to}${evidence.length ? ` with ${evidence.join(', ')}` : ''}: ${note.slice(0, 60)}`, this.escalation);
  }

  /** "Next update due at 09:10, in 30 min." / "Next update is due now (…)." */
  updateDue(): Locator {
    return this.updates.getByText(/^(Next update|No further updates|The incident is closed)/);
  }

  async postUpdate(audience: Audience, text: string): Promise<void> {
    await this.updates.getByRole('combobox', { name: 'Audience' }).selectOption({ label: audience });
    await this.updates.getByRole('textbox', { name: 'Update text' }).fill(text);
    await this.updates.getByRole('button', { name: 'Post update' }).click();
    await this.expectSaved(`Update to ${audience}: ${text.slice(0, 60)}`, this.updates);
    await expect(this.updates.getByRole('textbox', { name: 'Update text' })).toHaveValue('');
  }

  async linkChange(id: string): Promise<void> {
    await this.changes.getByRole('combobox', { name: 'Change', exact: true }).selectOption(id);
    await this.changes.getByRole('button', { name: 'Link change' }).click();
    await this.expectSaved(`Linked change ${id}.`, this.changes);
  }

  async applyMitigation(title: string): Promise<void> {
    await this.mitigation.getByRole('combobox', { name: 'Mitigation', exact: true }).selectOption({ label: title });
    await this.mitigation.getByRole('button', { name: 'Apply mitigation' }).click();
    await this.expectSaved(`Applied: ${title}.`, this.mitigation);
  }

  async resolve(summary: string): Promise<void> {
    await this.resolution.getByRole('textbox', { name: 'Resolution summary' }).fill(summary);
    await this.resolution.getByRole('button', { name: 'Resolve', exact: true }).click();
    await expect(this.rca).toBeVisible();
    await this.waitForLog(`Resolved the incident: ${summary.slice(0, 60)}`);
  }

  // --- RCA and scorecard -------------------------------------------------------------------

  async submitRca(rca: RcaInput): Promise<void> {
    await this.fillAndSubmitRca(rca);
    await expect(this.scorecard).toBeVisible();
  }

  /** Fills the RCA form and presses Submit, without expecting a scorecard (an interview shows none). */
  async fillAndSubmitRca(rca: RcaInput): Promise<void> {
    const form = this.rca;
    await form.getByRole('textbox', { name: /^Proximate cause/ }).fill(rca.proximateCause);
    await form.getByRole('textbox', { name: /^Root cause/ }).fill(rca.rootCause);
    for (const [i, factor] of rca.contributingFactors.entries()) {
      if (i > 0) await form.getByRole('button', { name: 'Add contributing factor' }).click();
      await form.getByRole('textbox', { name: `Contributing factor ${i + 1}`, exact: true }).fill(factor);
    }
    for (const [i, action] of rca.actions.entries()) {
      if (i > 0) await form.getByRole('button', { name: 'Add action' }).click();
      const group = form.getByRole('group', { name: `Action ${i + 1}`, exact: true });
      await group.getByRole('combobox', { name: 'Kind' }).selectOption(action.kind);
      await group.getByRole('textbox', { name: `Action ${i + 1} text`, exact: true }).fill(action.text);
      await group.getByRole('textbox', { name: 'Owner' }).fill(action.owner);
      await group.getByLabel('Due').fill(action.due);
      await group.getByRole('textbox', { name: 'Measure of success' }).fill(action.measure);
    }
    await form.getByRole('button', { name: 'Submit RCA' }).click();
  }

  dimension(d: Dimension): Locator {
    return this.scorecard.getByRole('region', { name: new RegExp(`^${DIMENSION_LABELS[d]}: \\d+ of 100$`) });
  }

  /** The numbers and evidence lines the scorecard shows. */
  async scorecardNumbers(): Promise<ScorecardNumbers> {
    await expect(this.scorecard).toBeVisible();
    const totalMatch = /Total\s*(\d+)/.exec(await this.scorecard.innerText());
    if (!totalMatch?.[1]) throw new Error('The scorecard shows no total');
    const dimensions = {} as Record<Dimension, { score: number; evidence: string[] }>;
    for (const d of Object.keys(DIMENSION_LABELS) as Dimension[]) {
      const region = this.dimension(d);
      await expect(region, `scorecard section for ${DIMENSION_LABELS[d]}`).toBeVisible();
      const label = (await region.getAttribute('aria-label')) ?? '';
      const score = Number(/: (\d+) of 100$/.exec(label)?.[1]);
      const evidence = (await region.getByRole('listitem').allInnerTexts()).map((line) => line.replace(/\s+/g, ' ').trim());
      dimensions[d] = { score, evidence };
    }
    return { total: Number(totalMatch[1]), dimensions };
  }

  /** Clicks "Export transcript" and saves the download to `path`. */
  async exportTranscript(path: string): Promise<Download> {
    const downloading = this.page.waitForEvent('download');
    await this.scorecard.getByRole('button', { name: 'Export transcript' }).click();
    const download = await downloading;
    await download.saveAs(path);
    return download;
  }
}

/** "Elapsed +1h5m20s of 75m" → 65.33 */
export function elapsedMinutes(text: string): number {
  const match = /\+((\d+)h)?((\d+)m)?((\d+)s)?/.exec(text);
  if (!match) return Number.NaN;
  return Number(match[2] ?? 0) * 60 + Number(match[4] ?? 0) + Number(match[6] ?? 0) / 60;
}
