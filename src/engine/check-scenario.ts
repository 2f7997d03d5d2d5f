import { getAdjacencyMap } from 'xstate/graph';
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { loadScenario, type LoadedScenario } from '../scenario/loader.ts';
import { hasErrors, type Problem } from '../scenario/problem.ts';
import { AUDIENCES, parseTrigger, ROLES } from '../scenario/triggers.ts';
import { LEVELS } from '../scenario/schema.ts';
import { compileScenario, type WorldEvent } from './compile-machine.ts';

/**
 * The full check of a scenario file: syntax, schema, references (in the loader), then
 * reachability on the compiled machine's graph: every phase reachable from the start, and a
 * `resolved: true` phase among them.
 */
export function checkScenario(text: string, file: string): { scenario: LoadedScenario | undefined; problems: Problem[] } {
  const loaded = loadScenario(text, file);
  const problems = [...loaded.problems];
  const scenario = loaded.scenario;
  if (!scenario || hasErrors(problems)) return { scenario: undefined, problems };

  const reachable = reachablePhases(scenario);
  const { spec } = scenario;
  for (const phaseId of Object.keys(spec.phases)) {
    if (!reachable.has(phaseId)) {
      problems.push({ file, line: loaded.locate(['phases', phaseId], true), path: `phases.${phaseId}`, message: `phase "${phaseId}" can never be reached from the start phase "${scenario.initialPhase}": no "after", "on" or mitigation "effect.goto" leads to it, or only an "after" that an earlier phase change always pre-empts`, severity: 'error' });
    }
  }
  const resolved = Object.keys(spec.phases).filter((id) => spec.phases[id]?.resolved === true);
  if (resolved.length > 0 && !resolved.some((id) => reachable.has(id))) {
    problems.push({ file, line: loaded.locate(['phases', resolved[0] ?? ''], true), path: 'phases', message: `no resolved end state can be reached: ${resolved.join(', ')} ${resolved.length > 1 ? 'are' : 'is'} marked "resolved: true" but no path from "${scenario.initialPhase}" leads there, so the incident could never be resolved`, severity: 'error' });
  }
  return { scenario: hasErrors(problems) ? undefined : scenario, problems };
}

/**
 * Phases reachable from the start, found by XState's graph traversal of the compiled machine
 * over every event a trainee or the clock can produce. The state key is the phase plus the
 * triggers some mitigation `requires`, which is exactly what can make a transition possible.
 */
export function reachablePhases(scenario: LoadedScenario): Set<string> {
  const { spec } = scenario;
  // The graph utilities are typed for any machine; the compiled one's emitted-event type is narrower.
  const machine = compileScenario(scenario, 0) as unknown as AnyStateMachine;
  const relevant = new Set(Object.values(spec.mitigations).flatMap((m) => m.requires ?? []));
  const allTriggers = new Set<string>([...relevant, ...Object.values(spec.phases).flatMap((p) => Object.keys(p.on ?? {}))]);

  const traineeEvents: WorldEvent[] = [];
  for (const key of allTriggers) {
    const event = eventFor(key);
    if (event) traineeEvents.push(event);
  }
  const triggered = (snapshot: AnyMachineSnapshot): readonly string[] => (snapshot.context as { triggers: readonly string[] }).triggers;

  const events = (snapshot: AnyMachineSnapshot): WorldEvent[] => {
    const out: WorldEvent[] = [...traineeEvents];
    const done = new Set(triggered(snapshot));
    for (const [id, mitigation] of Object.entries(spec.mitigations)) {
      if ((mitigation.requires ?? []).every((key) => done.has(key))) out.push({ type: 'mitigation.effect', mitigation: id });
    }
    // Delayed transitions of the active state, as XState names them. Only the earliest one
    // that changes phase can fire: it leaves the state and cancels the later ones. Earlier
    // ones without a target are injects and change nothing here.
    for (const node of snapshot._nodes) {
      const byDelay = [...node.after].sort((a, b) => Number(a.delay) - Number(b.delay));
      const firstMove = byDelay.findIndex((t) => t.target !== undefined && t.target.length > 0);
      for (const transition of firstMove === -1 ? byDelay : byDelay.slice(0, firstMove + 1)) out.push({ type: transition.eventType } as unknown as WorldEvent);
    }
    return out;
  };
  const adjacency = getAdjacencyMap(machine, {
    events: events as never,
    serializeState: (snapshot: AnyMachineSnapshot) => {
      const done = triggered(snapshot).filter((key) => relevant.has(key)).sort();
      return `${JSON.stringify(snapshot.value)}|${done.join(',')}`;
    },
  });
  const phases = new Set<string>();
  for (const { state } of Object.values(adjacency)) {
    const value: unknown = state.value;
    if (typeof value === 'string') phases.add(value);
  }
  return phases;
}

/** A representative trainee event that fires a trigger key. */
function eventFor(key: string): WorldEvent | undefined {
  const parsed = parseTrigger(key);
  if (!parsed) return undefined;
  const id = parsed.id ?? '';
  switch (parsed.kind) {
    case 'acknowledge':
      return { type: 'alert.acknowledge', alert: id };
    case 'priority':
      return { type: 'priority.set', level: LEVELS.find((l) => l === id) ?? 'P1' };
    case 'declare-major':
      return { type: 'incident.declare-major' };
    case 'bridge':
      return { type: 'bridge.open' };
    case 'role':
      return { type: 'role.assign', role: ROLES.find((r) => r === id) ?? 'scribe', to: 'someone' };
    case 'request':
      return { type: 'evidence.request', source: id };
    case 'evidence':
      return { type: 'evidence.arrive', source: id };
    case 'escalate':
      return { type: 'escalation.send', to: id, note: '', evidence: [] };
    case 'update':
      return { type: 'update.post', audience: AUDIENCES.find((a) => a === id) ?? 'stakeholders', text: '-' };
    case 'mitigate':
      return { type: 'mitigation.apply', mitigation: id };
    case 'change':
      return { type: 'change.link', change: id };
  }
}
