/**
 * Trigger keys: how a scenario file names a trainee action in `phases.*.on` and
 * `mitigations.*.requires`. The engine maps each action it accepts to one of these keys.
 */
export const ROLES = ['incident-commander', 'communications-lead', 'scribe', 'technical-lead'] as const;
export type Role = (typeof ROLES)[number];
export const AUDIENCES = ['stakeholders', 'service-desk', 'executives'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const ROLE_LABEL: Record<Role, string> = {
  'incident-commander': 'Incident commander',
  'communications-lead': 'Communications lead',
  scribe: 'Scribe',
  'technical-lead': 'Technical lead',
};

export const AUDIENCE_LABEL: Record<Audience, string> = {
  stakeholders: 'Stakeholders',
  'service-desk': 'Service desk',
  executives: 'Executives',
};

/** What the id after the colon must name; `none` kinds take no id. */
export const TRIGGER_KINDS = {
  acknowledge: 'alert',
  priority: 'level',
  'declare-major': 'none',
  bridge: 'none',
  role: 'role',
  request: 'evidence',
  evidence: 'evidence',
  escalate: 'escalation target',
  update: 'audience',
  mitigate: 'mitigation',
  change: 'change',
} as const;
export type TriggerKind = keyof typeof TRIGGER_KINDS;
export type TriggerTarget = (typeof TRIGGER_KINDS)[TriggerKind];

export interface ParsedTrigger {
  readonly kind: TriggerKind;
  readonly id: string | undefined;
}

export function parseTrigger(key: string): ParsedTrigger | undefined {
  const [kind, id, ...rest] = key.split(':');
  if (rest.length > 0 || kind === undefined || !Object.hasOwn(TRIGGER_KINDS, kind)) return undefined;
  const typed = kind as TriggerKind;
  const needsId = TRIGGER_KINDS[typed] !== 'none';
  if (needsId !== (id !== undefined && id !== '')) return undefined;
  return { kind: typed, id };
}

export const triggerKey = (kind: TriggerKind, id?: string): string => (id === undefined ? kind : `${kind}:${id}`);

export const TRIGGER_HELP =
  'a trigger like escalate:<team>, mitigate:<mitigation>, acknowledge:<alert>, request:<evidence>, evidence:<evidence>, priority:P1, role:<role>, update:<audience>, change:<change>, declare-major or bridge';
