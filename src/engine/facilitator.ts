/**
 * What a facilitator (mentor, or interviewer) can put into an attempt's log besides the
 * trainee's actions: ad-hoc injects, timestamped notes and score adjustments. They are log
 * entries like any other, so a replay of the log reproduces them, the debrief shows them and
 * an export carries them. Changing a field here changes the transcript format and the
 * persisted log.
 */
import { z } from 'zod';
import { Alert, Duration, Report, SKILLS } from '../scenario/schema.ts';
import type { LoadedScenario } from '../scenario/loader.ts';
import { clockTime, formatDuration } from '../scenario/duration.ts';
import type { LogEntry } from './attempt-log.ts';

const text = (what: string) => z.string({ error: `expected ${what} as text` }).trim().min(1, { error: `${what} must not be empty` });

export const FACILITATOR_SCHEMAS = {
  'facilitator.inject': z
    .strictObject({
      type: z.literal('facilitator.inject'),
      alert: Alert.optional(),
      report: Report.optional(),
      /** Delay from the command to its arrival; absent or 0s: now. */
      after: Duration.optional(),
    })
    .refine((c) => (c.alert === undefined) !== (c.report === undefined), { error: 'an ad-hoc inject is either an alert or a report (a user report or a stakeholder message), not both or neither' }),
  'facilitator.note': z.strictObject({ type: z.literal('facilitator.note'), text: text('the note') }),
  'facilitator.adjust': z.strictObject({
    type: z.literal('facilitator.adjust'),
    dimension: z.enum(SKILLS, { error: `expected one of ${SKILLS.join(', ')}` }),
    points: z
      .number({ error: 'expected the points as a whole number from -100 to 100' })
      .int({ error: 'expected the points as a whole number from -100 to 100' })
      .min(-100, { error: 'an adjustment is at most 100 points either way' })
      .max(100, { error: 'an adjustment is at most 100 points either way' })
      .refine((n) => n !== 0, { error: 'an adjustment of 0 points changes nothing' }),
    reason: z.string({ error: 'expected the reason as text' }).trim().min(1, { error: 'a reason is required: say why the score changes' }),
  }),
} as const;

export type FacilitatorType = keyof typeof FACILITATOR_SCHEMAS;
export type FacilitatorCommand = { [K in FacilitatorType]: z.infer<(typeof FACILITATOR_SCHEMAS)[K]> }[FacilitatorType];
export type FacilitatorOf<K extends FacilitatorType> = Extract<FacilitatorCommand, { type: K }>;
export const FACILITATOR_TYPES = Object.keys(FACILITATOR_SCHEMAS) as FacilitatorType[];
export const isFacilitatorType = (type: string): type is FacilitatorType => Object.hasOwn(FACILITATOR_SCHEMAS, type);

export type Adjustment = FacilitatorOf<'facilitator.adjust'>;

/**
 * Why an adjustment a facilitator or interviewer typed cannot be recorded, in their words, or
 * undefined when it can: the same rule as the transcript format, so every form and file agrees.
 */
export function adjustmentProblem(adjustment: { readonly dimension: string; readonly points: number; readonly reason: string }): string | undefined {
  const checked = FACILITATOR_SCHEMAS['facilitator.adjust'].safeParse({ type: 'facilitator.adjust', ...adjustment });
  if (checked.success) return undefined;
  const message = checked.error.issues[0]?.message ?? 'not a valid adjustment';
  return `${message[0]?.toUpperCase() ?? ''}${message.slice(1)}.`;
}

/** Every alert and report id the scenario scripts. */
export function scriptedIds(scenario: LoadedScenario): Set<string> {
  return new Set(Object.values(scenario.spec.phases).flatMap((phase) => (phase.timeline ?? []).map((entry) => entry.alert?.id ?? entry.report?.id ?? '')));
}

/** The next free id for an ad-hoc inject (`adhoc-<n>`): not scripted, not sent, not on its way. */
export function nextAdhocId(scenario: LoadedScenario, log: readonly LogEntry[]): string {
  const used = scriptedIds(scenario);
  for (const e of log) {
    if (e.type === 'facilitator.inject') used.add(e.payload.alert?.id ?? e.payload.report?.id ?? '');
    else if (e.type === 'alert.fire') used.add(e.payload.alert.id);
    else if (e.type === 'report.arrive') used.add(e.payload.report.id);
  }
  let n = log.filter((e) => e.type === 'facilitator.inject').length + 1;
  while (used.has(`adhoc-${n}`)) n += 1;
  return `adhoc-${n}`;
}

/**
 * An inject meant to arrive at a simulated moment, turned into the delay the command carries,
 * at the moment it is carried out (the clock may have moved since the facilitator typed it).
 * A time within the current minute means now; an earlier one is refused, in clock time.
 */
export function injectArrivingAt(inject: FacilitatorOf<'facilitator.inject'>, arriveAt: number, now: number, clockStart: string): { ok: true; command: FacilitatorOf<'facilitator.inject'> } | { ok: false; reason: string } {
  const delay = arriveAt - now;
  if (delay <= -60_000) return { ok: false, reason: `${clockTime(clockStart, arriveAt)} has already passed (it is ${clockTime(clockStart, now)}); pick a later time or send it now.` };
  const { after: _ignored, ...rest } = inject;
  return { ok: true, command: delay <= 0 ? rest : { ...rest, after: formatDuration(Math.ceil(delay / 1000) * 1000) } };
}
