import type { LoadedScenario } from '../scenario/loader.ts';
import { own } from '../scenario/own.ts';
import type { AlertSpec, Level, ReportSpec } from '../scenario/schema.ts';
import { HEALTH } from '../scenario/schema.ts';
import type { Role } from '../scenario/triggers.ts';
import { parseDuration, type SimMs } from '../scenario/duration.ts';
import type { ActionOf, Rca } from './actions.ts';
import type { LogEntry } from './attempt-log.ts';

type Health = (typeof HEALTH)[number];

/**
 * Everything the console shows, derived from the log alone (plus the scenario's text).
 * The UI renders this; it never re-derives scenario rules.
 */
export interface ExerciseView {
  readonly t: SimMs;
  readonly phase: string;
  readonly phaseTitle: string;
  /** The world is in a `resolved: true` phase: service is restored. */
  readonly restored: boolean;
  readonly ended: boolean;
  readonly resolvedAt: SimMs | undefined;
  readonly rca: Rca | undefined;
  readonly alerts: readonly { readonly t: SimMs; readonly alert: AlertSpec; readonly acknowledgedAt: SimMs | undefined }[];
  readonly reports: readonly { readonly t: SimMs; readonly report: ReportSpec }[];
  readonly evidence: readonly { readonly source: string; readonly title: string; readonly requestedAt: SimMs; readonly arrivesAt: SimMs; readonly arrivedAt: SimMs | undefined; readonly text: string | undefined }[];
  readonly priority: { readonly level: Level; readonly t: SimMs } | undefined;
  readonly majorDeclaredAt: SimMs | undefined;
  readonly bridgeOpenedAt: SimMs | undefined;
  readonly roles: Readonly<Partial<Record<Role, string>>>;
  readonly escalations: readonly { readonly t: SimMs; readonly action: ActionOf<'escalation.send'> }[];
  readonly updates: readonly { readonly t: SimMs; readonly action: ActionOf<'update.post'> }[];
  readonly mitigations: readonly { readonly t: SimMs; readonly mitigation: string; readonly result: string | undefined }[];
  readonly changes: readonly string[];
  readonly triggers: ReadonlySet<string>;
  readonly health: Readonly<Record<string, Health>>;
  readonly hintsTaken: number;
}

export function deriveView(scenario: LoadedScenario, log: readonly LogEntry[], now: SimMs): ExerciseView {
  const { spec } = scenario;
  let phase = scenario.initialPhase;
  let ended = false;
  let resolvedAt: SimMs | undefined;
  let rca: Rca | undefined;
  let priority: ExerciseView['priority'];
  let majorDeclaredAt: SimMs | undefined;
  let bridgeOpenedAt: SimMs | undefined;
  let hintsTaken = 0;
  const alerts: { t: SimMs; alert: AlertSpec; acknowledgedAt: SimMs | undefined }[] = [];
  const reports: { t: SimMs; report: ReportSpec }[] = [];
  const evidence: { source: string; title: string; requestedAt: SimMs; arrivesAt: SimMs; arrivedAt: SimMs | undefined; text: string | undefined }[] = [];
  const roles: Partial<Record<Role, string>> = {};
  const escalations: ExerciseView['escalations'][number][] = [];
  const updates: ExerciseView['updates'][number][] = [];
  const mitigations: { t: SimMs; mitigation: string; result: string | undefined }[] = [];
  const changes: string[] = [];
  const triggers = new Set<string>();
  // Alerts by id: acknowledging looks one up (a linear search made a 10,000-alert storm quadratic).
  const alertById = new Map<string, { t: SimMs; alert: AlertSpec; acknowledgedAt: SimMs | undefined }>();

  for (const entry of log) {
    switch (entry.type) {
      case 'phase.enter':
        phase = entry.payload.phase;
        break;
      case 'alert.fire':
      {
        const item = { t: entry.t, alert: entry.payload.alert, acknowledgedAt: undefined };
        alerts.push(item);
        if (!alertById.has(item.alert.id)) alertById.set(item.alert.id, item);
        break;
      }
      case 'report.arrive':
        reports.push({ t: entry.t, report: entry.payload.report });
        break;
      case 'evidence.arrive': {
        const item = evidence.find((e) => e.source === entry.payload.source && e.arrivedAt === undefined);
        if (item) {
          item.arrivedAt = entry.t;
          item.text = own(spec.evidence, item.source)?.text;
        }
        triggers.add(`evidence:${entry.payload.source}`);
        break;
      }
      case 'mitigation.result': {
        const item = mitigations.find((m) => m.mitigation === entry.payload.mitigation && m.result === undefined);
        if (item) item.result = entry.payload.message;
        break;
      }
      case 'exercise.end':
        ended = true;
        break;
      case 'alert.acknowledge': {
        const item = alertById.get(entry.payload.alert);
        if (item) item.acknowledgedAt = entry.t;
        triggers.add(`acknowledge:${entry.payload.alert}`);
        break;
      }
      case 'priority.set':
        priority = { level: entry.payload.level, t: entry.t };
        triggers.add(`priority:${entry.payload.level}`);
        break;
      case 'incident.declare-major':
        majorDeclaredAt = entry.t;
        triggers.add('declare-major');
        break;
      case 'bridge.open':
        bridgeOpenedAt = entry.t;
        triggers.add('bridge');
        break;
      case 'role.assign':
        roles[entry.payload.role] = entry.payload.to;
        triggers.add(`role:${entry.payload.role}`);
        break;
      case 'evidence.request': {
        const source = own(spec.evidence, entry.payload.source);
        evidence.push({
          source: entry.payload.source,
          title: source?.title ?? entry.payload.source,
          requestedAt: entry.t,
          arrivesAt: (entry.t + (parseDuration(source?.delay ?? '0s') ?? 0)) as SimMs,
          arrivedAt: undefined,
          text: undefined,
        });
        triggers.add(`request:${entry.payload.source}`);
        break;
      }
      case 'escalation.send':
        escalations.push({ t: entry.t, action: entry.payload });
        triggers.add(`escalate:${entry.payload.to}`);
        break;
      case 'update.post':
        updates.push({ t: entry.t, action: entry.payload });
        triggers.add(`update:${entry.payload.audience}`);
        break;
      case 'mitigation.apply':
        mitigations.push({ t: entry.t, mitigation: entry.payload.mitigation, result: undefined });
        triggers.add(`mitigate:${entry.payload.mitigation}`);
        break;
      case 'change.link':
        changes.push(entry.payload.change);
        triggers.add(`change:${entry.payload.change}`);
        break;
      case 'incident.resolve':
        resolvedAt = entry.t;
        break;
      case 'rca.submit':
        rca = entry.payload.rca;
        break;
      case 'hint.take':
        hintsTaken += 1;
        break;
      case 'exercise.start':
      case 'action.refused':
        break;
    }
  }

  const phaseSpec = own(spec.phases, phase);
  const health: Record<string, Health> = {};
  for (const service of spec.services) health[service.id] = phaseSpec?.health?.[service.id] ?? 'healthy';
  return {
    t: now,
    phase,
    phaseTitle: phaseSpec?.title ?? phase,
    restored: phaseSpec?.resolved === true,
    ended,
    resolvedAt,
    rca,
    alerts,
    reports,
    evidence,
    priority,
    majorDeclaredAt,
    bridgeOpenedAt,
    roles,
    escalations,
    updates,
    mitigations,
    changes,
    triggers,
    health,
    hintsTaken,
  };
}
