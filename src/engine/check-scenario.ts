import { getAdjacencyMap } from 'xstate/graph';
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { loadScenario, type LoadedScenario } from '../scenario/loader.ts';
import { formatPath, hasErrors, type Problem } from '../scenario/problem.ts';
import { formatDuration, parseDuration } from '../scenario/duration.ts';
import { AUDIENCES, parseTrigger, ROLES } from '../scenario/triggers.ts';
import { LEVELS } from '../scenario/schema.ts';
import { compileScenario, type WorldEvent } from './compile-machine.ts';
import { referenceActions } from './reference-actions.ts';
import { playActions } from './replay.ts';
import { isActionEntry } from './attempt-log.ts';
import type { LocatedAction } from './transcript.ts';

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

  const { phases: reachable, effective } = explore(scenario);
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
  const reference = referenceActions(scenario, (path, message, onKey) => problems.push({ file, line: loaded.locate(path, onKey), path: formatPath(path), message: `expert reference: ${message}`, severity: 'error' }));
  if (!hasErrors(problems)) {
    problems.push(...authorWarnings(scenario, effective, loaded.locate, file));
    problems.push(...referenceRefusals(scenario, reference, loaded.locate, file));
  }
  return { scenario: hasErrors(problems) ? undefined : scenario, problems };
}

/**
 * The expert reference played against the scenario: an action the engine refuses (an alert
 * not yet arrived, a resolve in the wrong phase) means the reference and the scenario disagree.
 */
function referenceRefusals(scenario: LoadedScenario, reference: readonly LocatedAction[], locate: (path: readonly (string | number)[], onKey?: boolean) => number, file: string): Problem[] {
  if (reference.length === 0) return [];
  const answers = playActions(scenario, reference).log.filter((entry) => entry.type === 'action.refused' || isActionEntry(entry));
  return answers.flatMap((entry, i) => {
    const source = reference[i];
    if (entry.type !== 'action.refused' || !source) return [];
    return [{ file, line: locate(source.path), path: formatPath(source.path), message: `the expert reference's ${entry.payload.action.type} at ${formatDuration(entry.t)} is refused when played: ${entry.payload.reason}`, severity: 'warning' as const }];
  });
}

/**
 * Things that are valid but probably not what the author meant. Warnings never fail the
 * check; they are printed with the errors, on the same file:LINE path format.
 */
export function authorWarnings(scenario: LoadedScenario, effective: ReadonlySet<string>, locate: (path: readonly (string | number)[], onKey?: boolean) => number, file: string): Problem[] {
  const { spec } = scenario;
  const out: Problem[] = [];
  const warn = (path: (string | number)[], message: string) => out.push({ file, line: locate(path), path: formatPath(path), message, severity: 'warning' });
  const ms = (text: string) => parseDuration(text) ?? 0;
  const time = (t: number) => formatDuration(t);

  // The earliest moment each phase can be entered: with trainee actions (which can come at
  // once) for "can anyone ever see this", and by timers alone for "what has happened by itself".
  const earliest = earliestEntries(scenario, true);
  const byTimers = earliestEntries(scenario, false);
  let firstSignal = Infinity;
  for (const [id, phase] of Object.entries(spec.phases)) {
    const entered = byTimers.get(id);
    if (entered === undefined) continue;
    for (const entry of phase.timeline ?? []) if (entry.alert?.noise !== true && entry.report?.noise !== true) firstSignal = Math.min(firstSignal, entered + ms(entry.at));
  }

  // 1. Injects that can only arrive after the scenario has ended.
  for (const [id, phase] of Object.entries(spec.phases)) {
    const entered = earliest.get(id);
    if (entered === undefined) continue;
    (phase.timeline ?? []).forEach((entry, i) => {
      const at = entered + ms(entry.at);
      if (at > scenario.duration) warn(['phases', id, 'timeline', i, 'at'], `this inject arrives at the earliest ${time(at)} after the start (its phase begins at ${time(entered)} at the earliest), after the scenario ends at ${spec.duration}: no trainee will see it`);
    });
  }

  // 2. Evidence expected with an escalation that cannot have arrived by its deadline.
  spec.expectations.escalations.forEach((esc, i) => {
    (esc.evidence ?? []).forEach((id, j) => {
      const delay = ms(spec.evidence[id]?.delay ?? '0s');
      if (delay > ms(esc.by)) warn(['expectations', 'escalations', i, 'evidence', j], `"${id}" takes ${time(delay)} to arrive, so even a request at the start cannot be attached by the ${esc.by} deadline; shorten the delay or move the deadline`);
    });
    // 3. A deadline before anything has happened that would justify escalating.
    if (ms(esc.by) < firstSignal && firstSignal !== Infinity) warn(['expectations', 'escalations', i, 'by'], `the deadline ${esc.by} comes before the first alert or report that is not noise (${time(firstSignal)} at the earliest): the trainee has nothing to escalate on yet`);
  });

  // 4. Mitigations meant to change the situation that never can (per the machine's graph).
  for (const [id, m] of Object.entries(spec.mitigations)) {
    if (m.effect.goto !== undefined && !effective.has(id)) warn(['mitigations', id, 'effect', 'goto'], `"${id}" can never change the situation: in no phase the trainee can reach, with its "requires" met, does its effect lead anywhere new; check "from" and "requires"`);
  }
  return out;
}

/** The earliest simulated time each phase can be entered, following timers and, optionally, trainee actions and mitigations. */
function earliestEntries(scenario: LoadedScenario, withActions: boolean): Map<string, number> {
  const { spec } = scenario;
  const ms = (text: string) => parseDuration(text) ?? 0;
  const unresolved = Object.keys(spec.phases).filter((id) => spec.phases[id]?.resolved !== true);
  const earliest = new Map<string, number>([[scenario.initialPhase, 0]]);
  for (let changed = true, rounds = 0; changed && rounds < 100; rounds++) {
    changed = false;
    for (const [id, phase] of Object.entries(spec.phases)) {
      const from = earliest.get(id);
      if (from === undefined) continue;
      const moves: (readonly [string, number])[] = Object.entries(phase.after ?? {}).map(([delay, target]) => [target, from + ms(delay)] as const);
      if (withActions) {
        for (const target of Object.values(phase.on ?? {})) moves.push([target, from]);
        for (const m of Object.values(spec.mitigations)) if (m.effect.goto !== undefined && (m.effect.from ?? unresolved).includes(id)) moves.push([m.effect.goto, from + ms(m.effect.after ?? '0s')]);
      }
      for (const [target, at] of moves) {
        if (at < (earliest.get(target) ?? Infinity)) {
          earliest.set(target, at);
          changed = true;
        }
      }
    }
  }
  return earliest;
}

/**
 * Phases reachable from the start, found by XState's graph traversal of the compiled machine
 * over every event a trainee or the clock can produce. The state key is the phase plus the
 * triggers some mitigation `requires`, which is exactly what can make a transition possible.
 */
export function reachablePhases(scenario: LoadedScenario): Set<string> {
  return explore(scenario).phases;
}

/** The phases reachable from the start, and the mitigations that can change the phase in some reachable state. */
export function explore(scenario: LoadedScenario): { phases: Set<string>; effective: Set<string> } {
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
  const effective = new Set<string>();
  for (const { state, transitions } of Object.values(adjacency)) {
    const value: unknown = state.value;
    if (typeof value === 'string') phases.add(value);
    for (const step of Object.values(transitions) as { event: { type: string; mitigation?: string }; state: AnyMachineSnapshot }[]) {
      const { event: e, state: next } = step;
      if (e.type === 'mitigation.effect' && e.mitigation !== undefined && JSON.stringify(next.value) !== JSON.stringify(value)) effective.add(e.mitigation);
    }
  }
  return { phases, effective };
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
