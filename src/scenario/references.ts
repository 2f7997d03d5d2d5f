import { didYouMean } from './did-you-mean.ts';
import type { Scenario } from './schema.ts';
import { LEVELS } from './schema.ts';
import { formatPath, type PathSegment, type Problem } from './problem.ts';
import { parseDuration, formatDuration } from './duration.ts';
import { AUDIENCES, parseTrigger, ROLES, TRIGGER_HELP, TRIGGER_KINDS, type TriggerTarget } from './triggers.ts';

type MakeProblem = (path: readonly PathSegment[], message: string, onKey?: boolean, severity?: Problem['severity']) => Problem;

/** The ids each kind of reference may name. */
export interface Namespaces {
  readonly service: ReadonlySet<string>;
  readonly phase: ReadonlySet<string>;
  readonly alert: ReadonlySet<string>;
  readonly evidence: ReadonlySet<string>;
  readonly mitigation: ReadonlySet<string>;
  readonly change: ReadonlySet<string>;
  readonly team: ReadonlySet<string>;
  readonly 'escalation target': ReadonlySet<string>;
}

export function namespaces(spec: Scenario): Namespaces {
  const alerts = Object.values(spec.phases).flatMap((phase) => (phase.timeline ?? []).flatMap((entry) => (entry.alert ? [entry.alert.id] : [])));
  return {
    service: new Set(spec.services.map((s) => s.id)),
    phase: new Set(Object.keys(spec.phases)),
    alert: new Set(alerts),
    evidence: new Set(Object.keys(spec.evidence)),
    mitigation: new Set(Object.keys(spec.mitigations)),
    change: new Set((spec.changes ?? []).map((c) => c.id)),
    team: new Set(spec.teams.map((t) => t.id)),
    'escalation target': new Set([...spec.teams, ...(spec.vendors ?? [])].map((t) => t.id)),
  };
}

/**
 * Everything the schema cannot see: references between parts of the file, duplicate ids,
 * times beyond the scenario's length. Reachability is checked later, on the compiled machine.
 */
export function checkReferences(spec: Scenario, problem: MakeProblem): Problem[] {
  const out: Problem[] = [];
  const names = namespaces(spec);
  const duration = parseDuration(spec.duration) ?? 0;

  const ref = (path: readonly PathSegment[], kind: keyof Namespaces, id: string, onKey = false) => {
    const known = names[kind];
    if (known.has(id)) return;
    const list = [...known];
    const hint = didYouMean(id, list);
    const expected = list.length > 0 ? ` (known: ${list.join(', ')})` : ` (the scenario defines no ${kind}s)`;
    out.push(problem(path, `unknown ${kind} "${id}"${hint}${expected}`, onKey));
  };
  const within = (path: readonly PathSegment[], text: string, what: string, extra = 0) => {
    const ms = (parseDuration(text) ?? 0) + extra;
    const shown = extra > 0 ? `${formatDuration(ms)} (${text} + jitter ${formatDuration(extra)})` : formatDuration(ms);
    if (ms > duration) out.push(problem(path, `${what} ${shown} is beyond the scenario's duration of ${spec.duration}; expected at most ${spec.duration}`));
  };
  const unique = (items: readonly { id: string; path: PathSegment[] }[], what: string) => {
    const seen = new Map<string, PathSegment[]>();
    for (const item of items) {
      const first = seen.get(item.id);
      if (first) out.push(problem(item.path, `duplicate ${what} id "${item.id}": already used at ${formatPath(first)}; ids must be unique`));
      else seen.set(item.id, item.path);
    }
  };
  const trigger = (path: readonly PathSegment[], key: string) => {
    const parsed = parseTrigger(key);
    if (!parsed) {
      out.push(problem(path, `"${key}" is not a trigger: expected ${TRIGGER_HELP}`, true));
      return;
    }
    const target: TriggerTarget = TRIGGER_KINDS[parsed.kind];
    const id = parsed.id ?? '';
    if (target === 'none') return;
    if (target === 'level') {
      if (!(LEVELS as readonly string[]).includes(id)) out.push(problem(path, `"${key}": unknown priority "${id}"; expected one of ${LEVELS.join(', ')}`, true));
    } else if (target === 'role') {
      if (!(ROLES as readonly string[]).includes(id)) out.push(problem(path, `"${key}": unknown role "${id}"; expected one of ${ROLES.join(', ')}`, true));
    } else if (target === 'audience') {
      if (!(AUDIENCES as readonly string[]).includes(id)) out.push(problem(path, `"${key}": unknown audience "${id}"; expected one of ${AUDIENCES.join(', ')}`, true));
    } else {
      ref(path, target, id, true);
    }
  };

  // Duplicate ids.
  unique(spec.services.map((s, i) => ({ id: s.id, path: ['services', i, 'id'] })), 'service');
  unique(
    [
      ...spec.teams.map((t, i) => ({ id: t.id, path: ['teams', i, 'id'] as PathSegment[] })),
      ...(spec.vendors ?? []).map((v, i) => ({ id: v.id, path: ['vendors', i, 'id'] as PathSegment[] })),
    ],
    'team/vendor',
  );
  unique((spec.changes ?? []).map((c, i) => ({ id: c.id, path: ['changes', i, 'id'] })), 'change');
  const injects: { id: string; path: PathSegment[] }[] = [];
  for (const [phaseId, phase] of Object.entries(spec.phases)) {
    (phase.timeline ?? []).forEach((entry, i) => {
      const inject = entry.alert ?? entry.report;
      if (inject) injects.push({ id: inject.id, path: ['phases', phaseId, 'timeline', i, entry.alert ? 'alert' : 'report', 'id'] });
    });
  }
  unique(injects, 'alert/report');

  // Services.
  spec.services.forEach((service, i) =>
    (service.dependsOn ?? []).forEach((dep, j) => {
      if (dep === service.id) out.push(problem(['services', i, 'dependsOn', j], `service "${service.id}" cannot depend on itself`));
      else ref(['services', i, 'dependsOn', j], 'service', dep);
    }),
  );
  (spec.changes ?? []).forEach((change, i) => change.team !== undefined && ref(['changes', i, 'team'], 'team', change.team));

  // Phases.
  if (Object.keys(spec.phases).length === 0) out.push(problem(['phases'], 'expected at least one phase; the first one listed is where the scenario starts'));
  for (const [phaseId, phase] of Object.entries(spec.phases)) {
    const base: PathSegment[] = ['phases', phaseId];
    if (!/^[A-Za-z]/.test(phaseId)) out.push(problem(base, `phase id "${phaseId}" must start with a letter (the first phase listed is the start, and numeric keys would be reordered)`, true));
    for (const serviceId of Object.keys(phase.health ?? {})) ref([...base, 'health', serviceId], 'service', serviceId, true);
    (phase.timeline ?? []).forEach((entry, i) => {
      const path: PathSegment[] = [...base, 'timeline', i];
      if ((entry.alert === undefined) === (entry.report === undefined)) out.push(problem(path, 'a timeline entry needs exactly one of "alert" or "report"'));
      within([...path, 'at'], entry.at, 'inject time', parseDuration(entry.jitter ?? '0s') ?? 0);
      if (entry.alert) ref([...path, 'alert', 'service'], 'service', entry.alert.service);
      if (entry.report?.service !== undefined) ref([...path, 'report', 'service'], 'service', entry.report.service);
    });
    for (const [delay, target] of Object.entries(phase.after ?? {})) {
      within([...base, 'after', delay], delay, 'phase change after');
      if (parseDuration(delay) === 0) out.push(problem([...base, 'after', delay], `a phase change after ${delay} is immediate, so phase "${phaseId}" could never be seen; give it a delay or merge the phases`, true));
      if (target === phaseId) out.push(problem([...base, 'after', delay], `phase "${phaseId}" cannot move to itself`));
      else ref([...base, 'after', delay], 'phase', target);
    }
    for (const [key, target] of Object.entries(phase.on ?? {})) {
      trigger([...base, 'on', key], key);
      if (target === phaseId) out.push(problem([...base, 'on', key], `phase "${phaseId}" cannot move to itself`));
      else ref([...base, 'on', key], 'phase', target);
    }
  }
  if (!Object.values(spec.phases).some((phase) => phase.resolved === true)) {
    out.push(problem(['phases'], 'no phase is marked "resolved: true"; expected at least one phase where service is restored so the incident can be resolved'));
  }

  // Evidence and mitigations.
  for (const [id, evidence] of Object.entries(spec.evidence)) within(['evidence', id, 'delay'], evidence.delay, 'evidence delay');
  for (const [id, mitigation] of Object.entries(spec.mitigations)) {
    const base: PathSegment[] = ['mitigations', id];
    (mitigation.requires ?? []).forEach((key, i) => trigger([...base, 'requires', i], key));
    if (mitigation.effect.goto !== undefined) ref([...base, 'effect', 'goto'], 'phase', mitigation.effect.goto);
    (mitigation.effect.from ?? []).forEach((phaseId, i) => ref([...base, 'effect', 'from', i], 'phase', phaseId));
    if (mitigation.effect.after !== undefined) within([...base, 'effect', 'after'], mitigation.effect.after, 'mitigation delay');
  }

  // Expectations.
  const ex = spec.expectations;
  ex.severity.forEach((level, i) => {
    const path: PathSegment[] = ['expectations', 'severity', i];
    if ((level.from === undefined) === (level.phase === undefined)) out.push(problem(path, 'a severity expectation needs exactly one of "from" (a time) or "phase" (from when that phase begins)'));
    if (level.from !== undefined) within([...path, 'from'], level.from, 'severity change at');
    if (level.phase !== undefined) ref([...path, 'phase'], 'phase', level.phase);
  });
  const first = ex.severity[0];
  if (first && !(first.from !== undefined ? parseDuration(first.from) === 0 : first.phase === Object.keys(spec.phases)[0])) {
    out.push(problem(['expectations', 'severity', 0], `the first severity level must apply from the start: "from: 0m" or "phase: ${Object.keys(spec.phases)[0] ?? '<first phase>'}"`));
  }
  if (ex.majorIncident) within(['expectations', 'majorIncident', 'by'], ex.majorIncident.by, 'major-incident deadline');
  ex.escalations.forEach((esc, i) => {
    const path: PathSegment[] = ['expectations', 'escalations', i];
    ref([...path, 'to'], 'escalation target', esc.to);
    within([...path, 'by'], esc.by, 'escalation deadline');
    (esc.evidence ?? []).forEach((id, j) => ref([...path, 'evidence', j], 'evidence', id));
  });
  unique(ex.escalations.map((esc, i) => ({ id: esc.to, path: ['expectations', 'escalations', i, 'to'] })), 'expected escalation');
  if (ex.escalations.length > 0 && ex.escalations.every((esc) => esc.optional === true)) {
    out.push(problem(['expectations', 'escalations'], 'every expected escalation is optional; expected at least one required escalation (a coordinator always engages someone), or scoring would give escalation points for doing nothing'));
  }
  (ex.acceptableEscalations ?? []).forEach((id, i) => ref(['expectations', 'acceptableEscalations', i], 'escalation target', id));
  spec.debrief.reference.forEach((step, i) => within(['debrief', 'reference', i, 'at'], step.at, 'reference step at'));
  return out;
}
