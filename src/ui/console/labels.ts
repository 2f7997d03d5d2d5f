import type { Audience, Role } from '../../scenario/triggers.ts';

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

export const SPEEDS = [1, 2, 5, 10] as const;
