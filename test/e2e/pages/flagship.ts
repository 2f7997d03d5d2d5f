import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * The flagship scenario's names, read from the scenario file itself so the tests follow the
 * scenario rather than a copy of it. Only what a user would see on screen is exported.
 */
export const FLAGSHIP_FILE = 'scenarios/sso-outage-monday.yaml';

interface Spec {
  id: string;
  title: string;
  clockStart: string;
  teams: { id: string; name: string }[];
  vendors?: { id: string; name: string }[];
  evidence: Record<string, { title: string }>;
  mitigations: Record<string, { title: string }>;
  phases: Record<string, { title: string }>;
  changes: { id: string; title: string }[];
}

const spec = parse(readFileSync(FLAGSHIP_FILE, 'utf8')) as Spec;

const team = (id: string) => {
  const found = spec.teams.find((t) => t.id === id);
  if (!found) throw new Error(`The flagship has no team "${id}"`);
  return found.name;
};
const field = <T>(record: Record<string, T>, id: string, what: string): T => {
  const found = record[id];
  if (!found) throw new Error(`The flagship has no ${what} "${id}"`);
  return found;
};

export const flagship = {
  id: spec.id,
  title: spec.title,
  clockStart: spec.clockStart,
  team: { iam: team('iam'), serviceDesk: team('service-desk'), cab: team('cab') },
  evidence: {
    signinLogs: field(spec.evidence, 'signin-logs', 'evidence source').title,
    changeCalendar: field(spec.evidence, 'change-calendar', 'evidence source').title,
    serviceDeskSummary: field(spec.evidence, 'servicedesk-summary', 'evidence source').title,
  },
  mitigation: { rollback: field(spec.mitigations, 'rollback-chg-4411', 'mitigation').title },
  phase: {
    degraded: field(spec.phases, 'degraded', 'phase').title,
    investigating: field(spec.phases, 'investigating', 'phase').title,
    recovering: field(spec.phases, 'recovering', 'phase').title,
    restored: field(spec.phases, 'restored', 'phase').title,
  },
  change: 'CHG-4411',
} as const;

/** What a good coordinator writes, shortened from test/transcripts/sso-outage-monday/expert.json. */
export const coordinatorText = {
  escalationNote:
    'P2, about to go P1. Since 01:52 the VPN, M365 (AADSTS50008) and PeopleHub reject new SAML sign-ins with signature validation errors, while the IdP logs show 100% Success. ' +
    'The signing certificate on assertions changed from 3A9F…D41C to 7C1E…9B02 at 01:52, inside CHG-4411 (token-signing cert renewal). The wiki still accepts them. ' +
    'Ruled out: passwords and MFA (resets did not help), CHG-4408 (print) and CHG-4413 (firewall). Please join the bridge and confirm whether the previous certificate can be made primary again. Logs and change calendar attached.',
  serviceDeskUpdate:
    'Service desk: we have an incident open for sign-in failures across SSO apps. This is not an account problem, so please stop resetting passwords now. ' +
    'Line for callers: if Outlook or Teams is still open on your laptop, keep using the desktop app and do not sign out or restart. Log every contact against this incident. Next update in 30 minutes.',
  stakeholderUpdate:
    'Sign-in outage: staff cannot sign in to the VPN, the HR & payroll portal and Microsoft 365 in the browser. Anyone already signed in to the Outlook and Teams desktop apps can keep working: please stay signed in and do not sign out. ' +
    'We have traced the failures to an overnight change to the sign-in certificate and the identity team are on the bridge working on a fix. Resetting your password will not help. Next update in 15 minutes.',
  resolutionUpdate:
    'Resolved: sign-in to the VPN, Microsoft 365, the HR portal and the wiki is working normally again after the overnight certificate change was reverted. No action is needed: if anything asks you to sign in, just sign in. A post-incident review will follow.',
  resolutionSummary:
    'Sign-ins restored after an emergency revert of CHG-4411 (previous token-signing certificate made primary again). VPN authentication success 97%, SSO synthetic passing. Follow-ups: unlock accounts locked out by this morning\'s resets; blameless review booked.',
  rca: {
    proximateCause:
      'The IdP signed every SAML assertion with the new token-signing certificate, and the VPN, the M365 federation trust and PeopleHub rejected them because signature validation failed against the certificate they trusted.',
    rootCause:
      'CHG-4411 promoted the new signing certificate to primary at the same time as it was installed, before the relying parties that pin the certificate or do not refresh metadata trusted it.',
    contributingFactors: [
      'The renewal runbook imports and activates the new certificate as primary in the same step.',
      'The VPN, M365 and PeopleHub pin a static copy of the certificate; metadata refresh is disabled or manual.',
      'The post-implementation check did not test a sign-in to any relying party.',
      'The synthetic SSO monitors stayed muted until 08:30, hours after the change window.',
    ],
    actions: [
      {
        kind: 'corrective' as const,
        text: 'Load the new certificate as a trusted secondary on the VPN, the M365 federation trust and PeopleHub before promoting it again',
        owner: 'IAM team lead',
        due: '2025-03-12',
        measure: 'A test sign-in to every relying party succeeds with the new certificate',
      },
      {
        kind: 'preventive' as const,
        text: 'Split the runbook so staging the new certificate and promoting it are separate changes with an overlap period and a test sign-in per relying party',
        owner: 'Change manager',
        due: '2025-04-30',
        measure: 'Runbook v4 published and used for the next renewal without incident',
      },
    ],
  },
};
