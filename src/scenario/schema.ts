/**
 * The scenario file format. This schema is the single source of truth: the TypeScript types,
 * the validator's messages and (later) the editor JSON Schema are all derived from it.
 * Changing a key here changes a public file format: update docs/scenario-format.md too.
 */
import { z } from 'zod';
import { didYouMean } from './did-you-mean.ts';
import { DIFFICULTIES, SKILLS } from './vocabulary.ts';

/** Joined per key with newlines; the loader splits them back so each unknown key gets its own located line. */
function unknownKeysMessage(keys: readonly string[], known: readonly string[]): string {
  return keys.map((key) => `unknown key "${key}"${didYouMean(key, known) || ';'} expected one of ${known.join(', ')}`).join('\n');
}

function strict<T extends z.ZodRawShape>(shape: T) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? unknownKeysMessage(issue.keys, known) : undefined),
  });
}

const text = (what: string) =>
  z.string({ error: (issue) => `expected ${what} (text), got ${describe(issue.input)}` }).min(1, { error: `${what} must not be empty` });

const article = (word: string): string => (/^[aeiou]/i.test(word) ? 'an' : 'a');

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return `${typeof value} ${String(value)}`;
}

/** The same rule as parseDuration, as a pattern, so the editor schema checks durations too. */
export const DURATION_PATTERN = /^(?=\d)(?:\d+h)?(?:\d+m)?(?:\d+s)?$/;

export const Duration = z
  .string({ error: (issue) => `expected a duration like 90s, 5m, 1h30m, got ${describe(issue.input)}` })
  .regex(DURATION_PATTERN, { error: (issue) => `${describe(issue.input)} is not a duration like 90s, 5m, 1h30m` })
  .meta({ description: 'A duration: hours, minutes, seconds, e.g. 90s, 5m, 1h30m' });

export const Id = z
  .string({ error: (issue) => `expected an id (letters, digits, - _ .), got ${describe(issue.input)}` })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { error: (issue) => `${describe(issue.input)} is not an id: use letters, digits, "-", "_" or "."` });

const enumOf = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, {
    error: (issue) => (issue.input === undefined ? `expected ${article(what)} ${what}, one of ${values.join(', ')}` : `${describe(issue.input)} is not a valid ${what}: expected one of ${values.join(', ')}`),
  });

export const LEVELS = ['P1', 'P2', 'P3', 'P4'] as const;
export const Level = enumOf(LEVELS, 'priority');
export type Level = z.infer<typeof Level>;

export { DIFFICULTIES, SKILLS };
export const HEALTH = ['healthy', 'degraded', 'down'] as const;
export const ALERT_LEVELS = ['info', 'warning', 'critical'] as const;
export const CHANNELS = ['phone', 'ticket', 'chat', 'email'] as const;

/**
 * Concept groups: every group must be matched, a group matches when any of its terms does.
 * `[[certificate, cert], [expired, expiry]]` means "(certificate or cert) and (expired or expiry)".
 */
export const ConceptGroups = z
  .array(z.array(text('term')).min(1, { error: 'a concept group needs at least one term' }), {
    error: (issue) => `expected a list of concept groups like [[certificate, cert], [expired]], got ${describe(issue.input)}`,
  })
  .min(1, { error: 'expected at least one concept group' });
export type ConceptGroups = z.infer<typeof ConceptGroups>;

export const Service = strict({
  id: Id,
  name: text('service name'),
  tier: z.number().int().min(1).max(4).optional(),
  dependsOn: z.array(Id).optional(),
  description: text('description').optional(),
});

export const Team = strict({
  id: Id,
  name: text('team name'),
  handles: text('what the team handles').optional(),
  security: z.boolean().optional(),
});

export const Vendor = strict({
  id: Id,
  name: text('vendor name'),
  contract: text('contract / support level').optional(),
});

export const Person = strict({ name: text('person name'), role: text('role') });

export const ChangeRecord = strict({
  id: Id,
  title: text('change title'),
  implemented: text('when it was implemented').optional(),
  team: Id.optional(),
});

export const Alert = strict({
  id: Id,
  service: Id,
  source: text('alert source'),
  level: enumOf(ALERT_LEVELS, 'alert level'),
  text: text('alert text'),
  noise: z.boolean().optional(),
});

export const Report = strict({
  id: Id,
  from: text('who reports it'),
  channel: enumOf(CHANNELS, 'report channel').optional(),
  service: Id.optional(),
  text: text('report text'),
  noise: z.boolean().optional(),
});

export const TimelineEntry = strict({
  at: Duration,
  jitter: Duration.optional(),
  alert: Alert.optional(),
  report: Report.optional(),
});

/** Trigger keys name trainee actions: `escalate:iam`, `mitigate:rollback`, `acknowledge:a1`, `declare-major`. */
export const Trigger = z
  .string({ error: (issue) => `expected a trigger like escalate:iam or mitigate:rollback, got ${describe(issue.input)}` })
  .min(1);

export const Phase = strict({
  title: text('phase title').optional(),
  description: text('phase description').optional(),
  resolved: z.boolean().optional(),
  health: z.record(Id, enumOf(HEALTH, 'health state')).optional(),
  timeline: z.array(TimelineEntry).optional(),
  after: z.record(Duration, Id).optional(),
  on: z.record(Trigger, Id).optional(),
});

export const Evidence = strict({
  title: text('evidence title'),
  delay: Duration,
  text: text('evidence text'),
  kind: enumOf(['logs', 'metrics', 'config', 'change', 'ticket', 'vendor', 'other'] as const, 'evidence kind').optional(),
});

export const Mitigation = strict({
  title: text('mitigation title'),
  description: text('description').optional(),
  requires: z.array(Trigger).optional(),
  effect: strict({
    goto: Id.optional(),
    from: z.array(Id).optional(),
    after: Duration.optional(),
    message: text('message the trainee sees'),
  }),
});

export const SeverityExpectation = strict({
  from: Duration.optional(),
  phase: Id.optional(),
  level: Level,
  why: text('why').optional(),
});

export const EscalationExpectation = strict({
  to: Id,
  by: Duration,
  evidence: z.array(Id).optional(),
  optional: z.boolean().optional(),
  why: text('why').optional(),
});

const Cadence = strict({ P1: Duration.optional(), P2: Duration.optional(), P3: Duration.optional(), P4: Duration.optional() });

export const RcaExpectations = strict({
  proximateCause: ConceptGroups,
  rootCause: ConceptGroups,
  contributing: z.array(strict({ label: text('label'), concepts: ConceptGroups })).optional(),
  actions: z
    .array(strict({ label: text('label'), kind: enumOf(['corrective', 'preventive'] as const, 'action kind'), concepts: ConceptGroups }))
    .optional(),
});

export const Expectations = strict({
  severity: z.array(SeverityExpectation).min(1, { error: 'expected at least one severity level' }),
  setWithin: Duration.optional(),
  reassessWithin: Duration.optional(),
  majorIncident: strict({ by: Duration, why: text('why').optional() }).optional(),
  escalations: z.array(EscalationExpectation).min(1, { error: 'expected at least one escalation: a coordinator always engages a resolver team or vendor' }),
  acceptableEscalations: z.array(Id).optional(),
  cadence: Cadence.optional(),
  communication: strict({
    workaround: ConceptGroups.optional(),
    audiences: z.array(enumOf(['stakeholders', 'service-desk', 'executives'] as const, 'audience')).optional(),
  }).optional(),
  rca: RcaExpectations,
});

export const ReferenceStep = strict({
  at: Duration,
  action: text('what the expert does'),
  why: text('why'),
  // The step as trainee actions, in the transcript format (docs/transcript-format.md), each
  // at the step's time unless it has an `at` of its own. Checked in full by check-scenario.ts
  // (the action vocabulary lives in the engine); the author page's dry run plays them.
  do: z.array(z.record(z.string(), z.unknown(), { error: 'expected an action like { type: bridge.open }' }), { error: 'expected a list of actions' }).optional(),
});

export const ScenarioSchema = strict({
  id: Id,
  title: text('title'),
  summary: text('summary'),
  difficulty: enumOf(DIFFICULTIES, 'difficulty'),
  duration: Duration,
  clockStart: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: (issue) => `${describe(issue.input)} is not a time of day like "08:40"` }),
  area: text('service area').optional(),
  skills: z.array(enumOf(SKILLS, 'skill')).optional(),
  briefing: text('briefing').optional(),
  services: z.array(Service).min(1, { error: 'expected at least one service' }),
  teams: z.array(Team),
  vendors: z.array(Vendor).optional(),
  people: z.array(Person).optional(),
  changes: z.array(ChangeRecord).optional(),
  phases: z.record(Id, Phase),
  evidence: z.record(Id, Evidence),
  mitigations: z.record(Id, Mitigation),
  expectations: Expectations,
  debrief: strict({ reference: z.array(ReferenceStep).min(1), notes: text('notes').optional() }),
});

/** A scenario as written in its file (durations still strings). */
export type Scenario = z.infer<typeof ScenarioSchema>;
export type PhaseSpec = z.infer<typeof Phase>;
export type AlertSpec = z.infer<typeof Alert>;
export type ReportSpec = z.infer<typeof Report>;
export type TimelineEntrySpec = z.infer<typeof TimelineEntry>;
export type MitigationSpec = z.infer<typeof Mitigation>;
export type EvidenceSpec = z.infer<typeof Evidence>;
