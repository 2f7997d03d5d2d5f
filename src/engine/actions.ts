/**
 * The action vocabulary: every thing a trainee can do, once. The transcript format, the
 * engine's validation, the console's controls and docs/transcript-format.md all read this
 * registry. Changing a field here changes a public file format and the persisted log.
 */
import { z } from 'zod';
import { describe, LEVELS } from '../scenario/schema.ts';
import { AUDIENCES, ROLES, triggerKey, type TriggerKind } from '../scenario/triggers.ts';

const text = (what: string) => z.string({ error: `expected ${what} as text` }).min(1, { error: `${what} must not be empty` });
const IMPACT = ['high', 'medium', 'low'] as const;
const oneOf = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: (issue) => `${describe(issue.input)} is not a valid ${what}: expected one of ${values.join(', ')}` });

export const RcaAction = z.strictObject({
  kind: oneOf(['corrective', 'preventive'], 'action kind'),
  text: text('the action'),
  owner: z.string().default(''),
  due: z.string().default(''),
  measure: z.string().default(''),
});
export type RcaAction = z.infer<typeof RcaAction>;

export const Rca = z.strictObject({
  proximateCause: z.string().default(''),
  rootCause: z.string().default(''),
  contributingFactors: z.array(z.string()).default([]),
  actions: z.array(RcaAction).default([]),
});
export type Rca = z.infer<typeof Rca>;

/** Tabletop mode: who in the room made the decision, as the scribe recorded it. */
const by = z.string().optional();

export const ACTION_SCHEMAS = {
  'alert.acknowledge': z.strictObject({ type: z.literal('alert.acknowledge'), by, alert: text('alert id') }),
  'priority.set': z.strictObject({
    type: z.literal('priority.set'), by,
    level: oneOf(LEVELS, 'priority'),
    impact: oneOf(IMPACT, 'impact').optional(),
    urgency: oneOf(IMPACT, 'urgency').optional(),
    reason: z.string().optional(),
  }),
  'incident.declare-major': z.strictObject({ type: z.literal('incident.declare-major'), by }),
  'bridge.open': z.strictObject({ type: z.literal('bridge.open'), by }),
  'role.assign': z.strictObject({ type: z.literal('role.assign'), by, role: oneOf(ROLES, 'role'), to: text('who takes the role') }),
  'evidence.request': z.strictObject({ type: z.literal('evidence.request'), by, source: text('evidence source id') }),
  'escalation.send': z.strictObject({
    type: z.literal('escalation.send'), by,
    to: text('team or vendor id'),
    note: z.string().default(''),
    evidence: z.array(z.string()).default([]),
  }),
  'update.post': z.strictObject({
    type: z.literal('update.post'), by,
    audience: oneOf(AUDIENCES, 'audience'),
    text: text('the update'),
  }),
  'mitigation.apply': z.strictObject({ type: z.literal('mitigation.apply'), by, mitigation: text('mitigation id') }),
  'change.link': z.strictObject({ type: z.literal('change.link'), by, change: text('change id') }),
  'incident.resolve': z.strictObject({ type: z.literal('incident.resolve'), by, summary: z.string().default('') }),
  'rca.submit': z.strictObject({ type: z.literal('rca.submit'), by, rca: Rca }),
  'hint.take': z.strictObject({ type: z.literal('hint.take'), by }),
} as const;

export type ActionType = keyof typeof ACTION_SCHEMAS;
export type TraineeAction = { [K in ActionType]: z.infer<(typeof ACTION_SCHEMAS)[K]> }[ActionType];
export type ActionOf<K extends ActionType> = Extract<TraineeAction, { type: K }>;
export const ACTION_TYPES = Object.keys(ACTION_SCHEMAS) as ActionType[];
export const isActionType = (type: string): type is ActionType => Object.hasOwn(ACTION_SCHEMAS, type);

export const TraineeActionSchema = z.discriminatedUnion('type', [
  ACTION_SCHEMAS['alert.acknowledge'],
  ACTION_SCHEMAS['priority.set'],
  ACTION_SCHEMAS['incident.declare-major'],
  ACTION_SCHEMAS['bridge.open'],
  ACTION_SCHEMAS['role.assign'],
  ACTION_SCHEMAS['evidence.request'],
  ACTION_SCHEMAS['escalation.send'],
  ACTION_SCHEMAS['update.post'],
  ACTION_SCHEMAS['mitigation.apply'],
  ACTION_SCHEMAS['change.link'],
  ACTION_SCHEMAS['incident.resolve'],
  ACTION_SCHEMAS['rca.submit'],
  ACTION_SCHEMAS['hint.take'],
]);

/** What each action is called in the console and the docs; `label` is the button's accessible name. */
export const ACTION_INFO: Record<ActionType, { readonly label: string; readonly summary: string }> = {
  'alert.acknowledge': { label: 'Acknowledge', summary: 'Acknowledge a monitoring alert: you have seen it and own it.' },
  'priority.set': { label: 'Set priority', summary: 'Set the incident priority P1–P4, from impact × urgency.' },
  'incident.declare-major': { label: 'Declare major incident', summary: 'Invoke the major-incident process.' },
  'bridge.open': { label: 'Open bridge', summary: 'Open the technical bridge call for resolvers.' },
  'role.assign': { label: 'Assign role', summary: 'Name who holds a role: incident commander, communications lead, scribe, technical lead.' },
  'evidence.request': { label: 'Request evidence', summary: 'Ask for logs, configs or records; the answer arrives after a delay.' },
  'escalation.send': { label: 'Escalate', summary: 'Engage a resolver team or vendor with a note and attached evidence.' },
  'update.post': { label: 'Post update', summary: 'Post a status update to stakeholders, the service desk or executives.' },
  'mitigation.apply': { label: 'Apply mitigation', summary: 'Carry out a mitigation; its effect may take time, and it may make things worse.' },
  'change.link': { label: 'Link change', summary: 'Link a change record to the incident as a suspected cause.' },
  'incident.resolve': { label: 'Resolve', summary: 'Resolve the incident once service is restored.' },
  'rca.submit': { label: 'Submit RCA', summary: 'Submit the root-cause analysis with corrective and preventive actions.' },
  'hint.take': { label: 'Hint', summary: 'Practice mode: reveal the next expected step (logged).' },
};

/** Priority from impact × urgency, the matrix the console shows. */
export const PRIORITY_MATRIX: Record<(typeof IMPACT)[number], Record<(typeof IMPACT)[number], (typeof LEVELS)[number]>> = {
  high: { high: 'P1', medium: 'P2', low: 'P3' },
  medium: { high: 'P2', medium: 'P3', low: 'P4' },
  low: { high: 'P3', medium: 'P4', low: 'P4' },
};

/** The trigger key an accepted action fires (`phases.*.on`, `mitigations.*.requires`). */
export function triggerOf(action: TraineeAction): string | undefined {
  const map: { [K in ActionType]?: (a: ActionOf<K>) => [TriggerKind, string?] } = {
    'alert.acknowledge': (a) => ['acknowledge', a.alert],
    'priority.set': (a) => ['priority', a.level],
    'incident.declare-major': () => ['declare-major'],
    'bridge.open': () => ['bridge'],
    'role.assign': (a) => ['role', a.role],
    'evidence.request': (a) => ['request', a.source],
    'escalation.send': (a) => ['escalate', a.to],
    'update.post': (a) => ['update', a.audience],
    'mitigation.apply': (a) => ['mitigate', a.mitigation],
    'change.link': (a) => ['change', a.change],
  };
  const fn = map[action.type] as ((a: TraineeAction) => [TriggerKind, string?]) | undefined;
  if (!fn) return undefined;
  const [kind, id] = fn(action);
  return triggerKey(kind, id);
}
