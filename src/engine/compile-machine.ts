import { assign, emit, raise, setup } from 'xstate';
import { own } from '../scenario/own.ts';
import type { LoadedScenario } from '../scenario/loader.ts';
import { parseDuration } from '../scenario/duration.ts';
import { parseTrigger, type TriggerKind } from '../scenario/triggers.ts';
import type { TimelineEntrySpec } from '../scenario/schema.ts';
import { ACTION_TYPES, triggerOf, type TraineeAction } from './actions.ts';
import type { ScenePayload } from './attempt-log.ts';
import { seededUnit } from './seeded-random.ts';

export interface WorldContext {
  /** Trigger keys the trainee has fired (actions, arrived evidence) that some mitigation requires. */
  readonly triggers: readonly string[];
}

/** Events the machine itself schedules: evidence answers and mitigation effects. */
export type SceneEvent = { readonly type: 'evidence.arrive'; readonly source: string } | { readonly type: 'mitigation.effect'; readonly mitigation: string };
export type WorldEvent = TraineeAction | SceneEvent;
export type WorldEmitted = { readonly type: 'scene'; readonly payload: ScenePayload };

/** The trigger key an event fires, if any. */
export function eventTrigger(event: WorldEvent): string | undefined {
  if (event.type === 'evidence.arrive') return `evidence:${event.source}`;
  if (event.type === 'mitigation.effect') return undefined;
  return triggerOf(event);
}

/** Which machine event a trigger kind rides on. */
const TRIGGER_EVENT: Record<TriggerKind, WorldEvent['type']> = {
  acknowledge: 'alert.acknowledge',
  priority: 'priority.set',
  'declare-major': 'incident.declare-major',
  bridge: 'bridge.open',
  role: 'role.assign',
  request: 'evidence.request',
  evidence: 'evidence.arrive',
  escalate: 'escalation.send',
  update: 'update.post',
  mitigate: 'mitigation.apply',
  change: 'change.link',
};

const ms = (text: string): number => parseDuration(text) ?? 0;

/** The time an inject fires after its phase begins, with the attempt's seeded jitter. */
export function injectDelay(entry: TimelineEntrySpec, seed: number): number {
  const base = ms(entry.at);
  const jitter = entry.jitter === undefined ? 0 : ms(entry.jitter);
  if (jitter === 0) return base;
  const id = entry.alert?.id ?? entry.report?.id ?? '';
  return base + Math.floor((seededUnit(seed, id) * jitter) / 1000) * 1000;
}

type Transition = { target?: string; guard?: unknown; actions?: unknown[] };

/**
 * Compiles a validated scenario into an XState machine: phases are states, `after` are
 * delayed transitions, `on` are guarded transitions on trainee actions, timeline entries are
 * delayed injects. The machine only models the world; what the trainee did is in the log.
 */
export function compileScenario(scenario: LoadedScenario, seed = 0) {
  const { spec } = scenario;
  const phaseIds = Object.keys(spec.phases);
  const resolvedPhases = phaseIds.filter((id) => spec.phases[id]?.resolved === true);

  const record = { type: 'record' } as const;
  // The machine remembers only the trigger keys some mitigation requires (reachability analysis
  // reads them; guards look at the event). Remembering every key copied a growing list on each
  // action: quadratic in a storm with thousands of distinct acknowledgements.
  const required = new Set(Object.values(spec.mitigations).flatMap((m) => m.requires ?? []));
  const phaseStates: Record<string, object> = {};
  for (const phaseId of phaseIds) {
    const phase = spec.phases[phaseId];
    if (!phase) continue;

    // Delayed things, merged per delay: XState takes only one transition per delay event.
    const delayed = new Map<number, { target?: string; injects: ScenePayload[] }>();
    const at = (delay: number) => {
      let slot = delayed.get(delay);
      if (!slot) delayed.set(delay, (slot = { injects: [] }));
      return slot;
    };
    for (const entry of phase.timeline ?? []) {
      const payload: ScenePayload | undefined = entry.alert
        ? { type: 'alert.fire', alert: entry.alert }
        : entry.report
          ? { type: 'report.arrive', report: entry.report }
          : undefined;
      if (payload) at(injectDelay(entry, seed)).injects.push(payload);
    }
    for (const [delay, target] of Object.entries(phase.after ?? {})) at(ms(delay)).target = target;
    const after: Record<number, Transition> = {};
    for (const [delay, slot] of [...delayed.entries()].sort(([a], [b]) => a - b)) {
      after[delay] = {
        ...(slot.target === undefined ? {} : { target: slot.target }),
        actions: slot.injects.map((payload) => ({ type: 'scene', params: { payload } })),
      };
    }

    // Trainee actions that move the phase, plus mitigations that take effect here.
    const on: Record<string, Transition[]> = {};
    for (const [key, target] of Object.entries(phase.on ?? {})) {
      const parsed = parseTrigger(key);
      if (!parsed) continue;
      const eventType = TRIGGER_EVENT[parsed.kind];
      (on[eventType] ??= []).push({ guard: { type: 'fires', params: { key } }, target, actions: [record] });
    }
    for (const [mitigationId, mitigation] of Object.entries(spec.mitigations)) {
      const { goto, from } = mitigation.effect;
      if (goto === undefined) continue;
      const applies = from ? from.includes(phaseId) : phase.resolved !== true;
      if (!applies || goto === phaseId) continue;
      (on['mitigation.effect'] ??= []).push({
        guard: { type: 'isMitigation', params: { mitigation: mitigationId } },
        target: goto,
        actions: [{ type: 'scene', params: { payload: { type: 'mitigation.result', mitigation: mitigationId, message: mitigation.effect.message, changed: true } } }],
      });
    }
    // Unmatched actions still get recorded; the root handlers below would be shadowed otherwise.
    for (const eventType of Object.keys(on)) on[eventType]?.push(eventType === 'mitigation.effect' ? { actions: [{ type: 'mitigationNoChange' }] } : { actions: [record] });
    if (on['evidence.arrive']) on['evidence.arrive'] = on['evidence.arrive'].map((t) => ({ ...t, actions: [...(t.actions ?? []), { type: 'evidenceArrived' }] }));
    if (on['evidence.request']) on['evidence.request'] = on['evidence.request'].map((t) => ({ ...t, actions: [...(t.actions ?? []), { type: 'scheduleEvidence' }] }));
    if (on['mitigation.apply']) on['mitigation.apply'] = on['mitigation.apply'].map((t) => ({ ...t, actions: [...(t.actions ?? []), { type: 'scheduleMitigation' }] }));

    phaseStates[phaseId] = {
      entry: [{ type: 'phaseEntered', params: { phase: phaseId } }],
      after,
      on,
      meta: { resolved: phase.resolved === true, title: phase.title ?? phaseId },
      tags: phase.resolved === true ? ['resolved'] : [],
    };
  }

  const rootOn: Record<string, Transition> = {};
  for (const type of ACTION_TYPES) rootOn[type] = { actions: [record] };
  rootOn['evidence.request'] = { actions: [record, { type: 'scheduleEvidence' }] };
  rootOn['mitigation.apply'] = { actions: [record, { type: 'scheduleMitigation' }] };
  rootOn['evidence.arrive'] = { actions: [record, { type: 'evidenceArrived' }] };
  rootOn['mitigation.effect'] = { actions: [{ type: 'mitigationNoChange' }] };

  return setup({
    types: {
      context: {} as WorldContext,
      events: {} as WorldEvent,
      emitted: {} as WorldEmitted,
    },
    guards: {
      fires: ({ event }, params: { key: string }) => eventTrigger(event) === params.key,
      isMitigation: ({ event }, params: { mitigation: string }) => event.type === 'mitigation.effect' && event.mitigation === params.mitigation,
    },
    actions: {
      record: assign({
        triggers: ({ context, event }) => {
          const key = eventTrigger(event);
          return key === undefined || !required.has(key) || context.triggers.includes(key) ? context.triggers : [...context.triggers, key];
        },
      }),
      scene: emit((_, params: { payload: ScenePayload }) => ({ type: 'scene' as const, payload: params.payload })),
      phaseEntered: emit((_, params: { phase: string }) => ({ type: 'scene' as const, payload: { type: 'phase.enter' as const, phase: params.phase } })),
      evidenceArrived: emit(({ event }) => ({
        type: 'scene' as const,
        payload: { type: 'evidence.arrive' as const, source: event.type === 'evidence.arrive' ? event.source : '' },
      })),
      scheduleEvidence: raise(
        ({ event }) => ({ type: 'evidence.arrive' as const, source: event.type === 'evidence.request' ? event.source : '' }),
        { delay: ({ event }) => (event.type === 'evidence.request' ? ms(own(spec.evidence, event.source)?.delay ?? '0s') : 0) },
      ),
      scheduleMitigation: raise(
        ({ event }) => ({ type: 'mitigation.effect' as const, mitigation: event.type === 'mitigation.apply' ? event.mitigation : '' }),
        { delay: ({ event }) => (event.type === 'mitigation.apply' ? ms(own(spec.mitigations, event.mitigation)?.effect.after ?? '0s') : 0) },
      ),
      mitigationNoChange: emit(({ event }) => {
        const id = event.type === 'mitigation.effect' ? event.mitigation : '';
        const mitigation = own(spec.mitigations, id);
        const changed = false;
        const message =
          mitigation?.effect.goto === undefined ? (mitigation?.effect.message ?? '') : `${mitigation.title}: done, but no visible change in the current situation.`;
        return { type: 'scene' as const, payload: { type: 'mitigation.result' as const, mitigation: id, message, changed } };
      }),
    },
  }).createMachine({
    id: spec.id,
    context: { triggers: [] },
    initial: scenario.initialPhase,
    on: rootOn as never,
    states: phaseStates as never,
    meta: { resolvedPhases },
  });
}

export type WorldMachine = ReturnType<typeof compileScenario>;
