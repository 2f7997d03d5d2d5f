/**
 * What a facilitator (mentor, or interviewer) can put into an attempt's log besides the
 * trainee's actions: ad-hoc injects, timestamped notes and score adjustments. They are log
 * entries like any other, so a replay of the log reproduces them, the debrief shows them and
 * an export carries them. Changing a field here changes the transcript format and the
 * persisted log.
 */
import { z } from 'zod';
import { Alert, Duration, Report, SKILLS } from '../scenario/schema.ts';

const text = (what: string) => z.string({ error: `expected ${what} as text` }).trim().min(1, { error: `${what} must not be empty` });

/**
 * In an interview, notes and adjustments are stored encrypted to the interviewer's key until
 * the scorecard is unlocked: the payload then carries `sealed` (base64 ciphertext) instead.
 */
const sealed = z.string().min(1);

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
  'facilitator.note': z.union([z.strictObject({ type: z.literal('facilitator.note'), text: text('the note') }), z.strictObject({ type: z.literal('facilitator.note'), sealed })]),
  'facilitator.adjust': z.union([
    z.strictObject({
      type: z.literal('facilitator.adjust'),
      dimension: z.enum(SKILLS, { error: `expected one of ${SKILLS.join(', ')}` }),
      points: z.number({ error: 'expected a whole number of points' }).int().min(-100).max(100),
      reason: text('the reason for the adjustment'),
    }),
    z.strictObject({ type: z.literal('facilitator.adjust'), sealed }),
  ]),
} as const;

export type FacilitatorType = keyof typeof FACILITATOR_SCHEMAS;
export type FacilitatorCommand = { [K in FacilitatorType]: z.infer<(typeof FACILITATOR_SCHEMAS)[K]> }[FacilitatorType];
export type FacilitatorOf<K extends FacilitatorType> = Extract<FacilitatorCommand, { type: K }>;
export const FACILITATOR_TYPES = Object.keys(FACILITATOR_SCHEMAS) as FacilitatorType[];
export const isFacilitatorType = (type: string): type is FacilitatorType => Object.hasOwn(FACILITATOR_SCHEMAS, type);

/** An adjustment in the clear: what the scorer applies. */
export type Adjustment = Extract<FacilitatorOf<'facilitator.adjust'>, { dimension: string }>;
export const isOpenAdjustment = (c: FacilitatorOf<'facilitator.adjust'>): c is Adjustment => 'dimension' in c;
