import type { LoadedScenario } from '../scenario/loader.ts';
import { own } from '../scenario/own.ts';
import { clockTime } from '../scenario/duration.ts';
import type { TraineeAction } from './actions.ts';
import type { ExerciseView } from './exercise-view.ts';

/** `rca`: the standalone "Write the RCA" exercise: the incident is over, only the RCA is written. */
export type Mode = 'practice' | 'tabletop' | 'interview' | 'rca';
export const MODES = ['practice', 'tabletop', 'interview', 'rca'] as const satisfies readonly Mode[];

/** Actions that still make sense once the incident is resolved or time is up. */
const AFTER_CLOSE = new Set<TraineeAction['type']>(['update.post', 'rca.submit', 'hint.take']);

/**
 * Whether an action is allowed now. Returns the reason it is refused, in words for the
 * trainee, or undefined when it is accepted. Refusals are logged, never thrown.
 */
export function refusalReason(scenario: LoadedScenario, view: ExerciseView, action: TraineeAction, mode: Mode): string | undefined {
  const { spec } = scenario;
  const at = (t: number) => clockTime(spec.clockStart, t);
  if (mode === 'rca') {
    if (action.type !== 'rca.submit') return 'This is an RCA exercise: the incident is over, and only the RCA is written.';
    return view.rca === undefined ? undefined : 'The RCA was already submitted.';
  }
  if (view.resolvedAt !== undefined && !AFTER_CLOSE.has(action.type)) {
    return `The incident was resolved at ${at(view.resolvedAt)}; only status updates and the RCA can follow.`;
  }
  if (view.ended && view.resolvedAt === undefined && !AFTER_CLOSE.has(action.type)) {
    return `The exercise ended at ${at(view.t)} (its ${spec.duration} ran out); only status updates and the RCA can follow.`;
  }
  switch (action.type) {
    case 'alert.acknowledge': {
      const alert = view.alertById.get(action.alert);
      if (!alert) return `There is no alert "${action.alert}" on the board yet.`;
      if (alert.acknowledgedAt !== undefined) return `Alert "${action.alert}" was already acknowledged at ${at(alert.acknowledgedAt)}.`;
      return undefined;
    }
    case 'incident.declare-major':
      return view.majorDeclaredAt === undefined ? undefined : `A major incident was already declared at ${at(view.majorDeclaredAt)}.`;
    case 'bridge.open':
      return view.bridgeOpenedAt === undefined ? undefined : `The bridge has been open since ${at(view.bridgeOpenedAt)}.`;
    case 'evidence.request': {
      if (own(spec.evidence, action.source) === undefined) return `Unknown evidence source "${action.source}"; available: ${Object.keys(spec.evidence).join(', ')}.`;
      const pending = view.evidence.find((e) => e.source === action.source);
      if (pending?.arrivedAt !== undefined) return `"${pending.title}" already arrived at ${at(pending.arrivedAt)}; open it in the evidence viewer.`;
      if (pending) return `"${pending.title}" was already requested at ${at(pending.requestedAt)} and arrives at ${at(pending.arrivesAt)}.`;
      return undefined;
    }
    case 'escalation.send': {
      const targets = [...spec.teams, ...(spec.vendors ?? [])];
      if (!targets.some((t) => t.id === action.to)) return `Unknown team or vendor "${action.to}"; available: ${targets.map((t) => t.id).join(', ')}.`;
      const missing = action.evidence.filter((id) => !view.evidence.some((e) => e.source === id && e.arrivedAt !== undefined));
      if (missing.length > 0) return `Cannot attach ${missing.map((id) => `"${id}"`).join(', ')}: only evidence that has arrived can be attached.`;
      return undefined;
    }
    case 'mitigation.apply': {
      const mitigation = own(spec.mitigations, action.mitigation);
      if (!mitigation) return `Unknown mitigation "${action.mitigation}"; available: ${Object.keys(spec.mitigations).join(', ')}.`;
      const done = view.mitigations.find((m) => m.mitigation === action.mitigation);
      if (done) return `"${mitigation.title}" was already applied at ${at(done.t)}.`;
      const unmet = (mitigation.requires ?? []).filter((key) => !view.triggers.has(key));
      if (unmet.length > 0) return `"${mitigation.title}" cannot be carried out yet: it needs ${unmet.map(describeTrigger).join(' and ')} first.`;
      return undefined;
    }
    case 'change.link': {
      const changes = spec.changes ?? [];
      if (!changes.some((c) => c.id === action.change)) return `Unknown change "${action.change}"; known changes: ${changes.map((c) => c.id).join(', ') || 'none'}.`;
      return view.changes.includes(action.change) ? `Change ${action.change} is already linked.` : undefined;
    }
    case 'incident.resolve':
      return view.restored ? undefined : `Service is not restored yet (current situation: ${view.phaseTitle}); resolve once it is.`;
    case 'rca.submit':
      if (view.resolvedAt === undefined && !view.ended) return 'The RCA comes after the incident is resolved.';
      return view.rca === undefined ? undefined : 'The RCA was already submitted.';
    case 'hint.take':
      return mode === 'practice' ? undefined : `Hints are only available in practice mode (this attempt is ${mode}).`;
    case 'priority.set':
    case 'role.assign':
    case 'update.post':
      return undefined;
  }
}

function describeTrigger(key: string): string {
  const [kind, id] = key.split(':');
  const words: Record<string, string> = {
    escalate: `an escalation to ${id}`,
    request: `a request for ${id}`,
    evidence: `the ${id} evidence`,
    acknowledge: `acknowledging alert ${id}`,
    mitigate: `the ${id} mitigation`,
    change: `linking change ${id}`,
    priority: `priority ${id}`,
    role: `a ${id}`,
    update: `an update to ${id}`,
    'declare-major': 'declaring a major incident',
    bridge: 'opening the bridge',
  };
  return words[kind ?? ''] ?? key;
}
