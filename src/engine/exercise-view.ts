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
  /** The first alert with each id (what an acknowledgement refers to). */
  readonly alertById: ReadonlyMap<string, ExerciseView['alerts'][number]>;
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
  const fold = new ViewFold(scenario);
  for (const entry of log) fold.add(entry);
  return fold.view(now);
}

/**
 * The view, folded one log entry at a time. `deriveView` folds a whole log; the engine keeps one
 * fold for its own checks (refusals), so an action costs O(1) instead of a pass over the log —
 * a 10,000-inject storm with 2,000 actions was quadratic. A view from `view()` shares this fold's
 * lists, which later entries change: callers outside the engine use `deriveView`.
 */
export class ViewFold {
  private phase: string;
  private ended = false;
  private resolvedAt: SimMs | undefined;
  private rca: Rca | undefined;
  private priority: ExerciseView['priority'];
  private majorDeclaredAt: SimMs | undefined;
  private bridgeOpenedAt: SimMs | undefined;
  private hintsTaken = 0;
  private readonly alerts: { t: SimMs; alert: AlertSpec; acknowledgedAt: SimMs | undefined }[] = [];
  private readonly reports: { t: SimMs; report: ReportSpec }[] = [];
  private readonly evidence: { source: string; title: string; requestedAt: SimMs; arrivesAt: SimMs; arrivedAt: SimMs | undefined; text: string | undefined }[] = [];
  private readonly roles: Partial<Record<Role, string>> = {};
  private readonly escalations: ExerciseView['escalations'][number][] = [];
  private readonly updates: ExerciseView['updates'][number][] = [];
  private readonly mitigations: { t: SimMs; mitigation: string; result: string | undefined }[] = [];
  private readonly changes: string[] = [];
  private readonly triggers = new Set<string>();
  // Alerts by id: acknowledging looks one up (a linear search made a 10,000-alert storm quadratic).
  private readonly alertById = new Map<string, { t: SimMs; alert: AlertSpec; acknowledgedAt: SimMs | undefined }>();

  constructor(private readonly scenario: LoadedScenario) {
    this.phase = scenario.initialPhase;
  }

  add(entry: LogEntry): void {
    const { spec } = this.scenario;
    const { alerts, reports, evidence, roles, escalations, updates, mitigations, changes, triggers, alertById } = this;
    switch (entry.type) {
      case 'phase.enter':
        this.phase = entry.payload.phase;
        break;
      case 'alert.fire': {
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
        this.ended = true;
        break;
      case 'alert.acknowledge': {
        const item = alertById.get(entry.payload.alert);
        if (item) item.acknowledgedAt = entry.t;
        triggers.add(`acknowledge:${entry.payload.alert}`);
        break;
      }
      case 'priority.set':
        this.priority = { level: entry.payload.level, t: entry.t };
        triggers.add(`priority:${entry.payload.level}`);
        break;
      case 'incident.declare-major':
        this.majorDeclaredAt = entry.t;
        triggers.add('declare-major');
        break;
      case 'bridge.open':
        this.bridgeOpenedAt = entry.t;
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
        this.resolvedAt = entry.t;
        break;
      case 'rca.submit':
        this.rca = entry.payload.rca;
        break;
      case 'hint.take':
        this.hintsTaken += 1;
        break;
      case 'exercise.start':
      case 'action.refused':
        break;
    }
  }

  view(now: SimMs): ExerciseView {
    const { spec } = this.scenario;
    const { phase, ended, resolvedAt, rca, priority, majorDeclaredAt, bridgeOpenedAt, hintsTaken, alerts, alertById, reports, evidence, roles, escalations, updates, mitigations, changes, triggers } = this;
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
      alertById,
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
}
