import type { LoadedScenario } from '../scenario/loader.ts';
import type { LogEntry } from './attempt-log.ts';
import { ROLE_LABEL, AUDIENCE_LABEL } from '../scenario/triggers.ts';

export type EntrySource = 'scenario' | 'you' | 'system' | 'facilitator';

/**
 * One line of the activity log or a report's timeline: who did what, in words. `log` (the
 * attempt's log) lets an acknowledgement of an ad-hoc alert, which is not in the scenario
 * file, name that alert like a scripted one.
 */
export function describeEntry(scenario: LoadedScenario, entry: LogEntry, log?: readonly LogEntry[]): { readonly who: EntrySource; readonly text: string } {
  const { spec } = scenario;
  const target = (id: string) => [...spec.teams, ...(spec.vendors ?? [])].find((t) => t.id === id)?.name ?? id;
  const evidence = (id: string) => (Object.hasOwn(spec.evidence, id) ? spec.evidence[id]?.title : undefined) ?? id;
  const mitigation = (id: string) => (Object.hasOwn(spec.mitigations, id) ? spec.mitigations[id]?.title : undefined) ?? id;
  switch (entry.type) {
    case 'exercise.start':
      return { who: 'system', text: `Exercise started (${entry.payload.mode} mode).` };
    case 'exercise.end':
      return { who: 'system', text: 'Time is up: the exercise has ended. Write the RCA to get your scorecard.' };
    case 'phase.enter':
      return { who: 'scenario', text: `Situation: ${(Object.hasOwn(spec.phases, entry.payload.phase) ? spec.phases[entry.payload.phase]?.title : undefined) ?? entry.payload.phase}` };
    case 'alert.fire':
      return { who: 'scenario', text: `Alert (${entry.payload.alert.level}, ${entry.payload.alert.service}): ${entry.payload.alert.text}` };
    case 'report.arrive':
      return { who: 'scenario', text: `Report from ${entry.payload.report.from}: ${entry.payload.report.text}` };
    case 'evidence.arrive':
      return { who: 'scenario', text: `Evidence arrived: ${evidence(entry.payload.source)}` };
    case 'mitigation.result':
      return { who: 'scenario', text: `Mitigation result: ${entry.payload.message}` };
    case 'action.refused':
      return { who: 'system', text: `Not done: ${entry.payload.reason}` };
    case 'alert.acknowledge': {
      const id = entry.payload.alert;
      const alert =
        Object.values(spec.phases)
          .flatMap((phase) => phase.timeline ?? [])
          .find((item) => item.alert?.id === id)?.alert ?? log?.find((e): e is Extract<LogEntry, { type: 'alert.fire' }> => e.type === 'alert.fire' && e.payload.alert.id === id)?.payload.alert;
      const service = spec.services.find((s) => s.id === alert?.service)?.name ?? alert?.service;
      return { who: 'you', text: alert ? `Acknowledged the ${alert.level} alert on ${service} (${alert.source}).` : `Acknowledged alert ${entry.payload.alert}.` };
    }
    case 'priority.set':
      return { who: 'you', text: `Priority set to ${entry.payload.level}${entry.payload.impact ? ` (impact ${entry.payload.impact}, urgency ${entry.payload.urgency ?? '–'})` : ''}.${entry.payload.reason ? ` Reason: ${entry.payload.reason}` : ''}` };
    case 'incident.declare-major':
      return { who: 'you', text: 'Declared a major incident.' };
    case 'bridge.open':
      return { who: 'you', text: 'Opened the bridge.' };
    case 'role.assign':
      return { who: 'you', text: `${ROLE_LABEL[entry.payload.role]}: ${entry.payload.to}.` };
    case 'evidence.request':
      return { who: 'you', text: `Requested ${evidence(entry.payload.source)}.` };
    case 'escalation.send':
      return { who: 'you', text: `Escalated to ${target(entry.payload.to)}${entry.payload.evidence.length ? ` with ${entry.payload.evidence.map(evidence).join(', ')}` : ''}: ${entry.payload.note || '(no note)'}` };
    case 'update.post':
      return { who: 'you', text: `Update to ${AUDIENCE_LABEL[entry.payload.audience]}: ${entry.payload.text}` };
    case 'mitigation.apply':
      return { who: 'you', text: `Applied: ${mitigation(entry.payload.mitigation)}.` };
    case 'change.link':
      return { who: 'you', text: `Linked change ${entry.payload.change}.` };
    case 'incident.resolve':
      return { who: 'you', text: `Resolved the incident${entry.payload.summary ? `: ${entry.payload.summary}` : ''}.` };
    case 'rca.submit':
      return { who: 'you', text: 'Submitted the RCA.' };
    case 'hint.take':
      return { who: 'you', text: 'Took a hint.' };
    case 'facilitator.inject': {
      const { alert, report, after } = entry.payload;
      const what = alert ? `alert "${alert.text}"` : `message from ${report?.from ?? 'someone'}: "${report?.text ?? ''}"`;
      return { who: 'facilitator', text: `Ad-hoc inject${after && after !== '0s' && after !== '0m' ? `, due in ${after}` : ''}: ${what}` };
    }
    case 'facilitator.note':
      return { who: 'facilitator', text: `Note: ${entry.payload.text}` };
    case 'facilitator.adjust':
      return { who: 'facilitator', text: `Adjusted ${entry.payload.dimension} by ${entry.payload.points > 0 ? '+' : ''}${entry.payload.points}: ${entry.payload.reason}` };
  }
}

/** What an action no one in particular was named for is credited to in a tabletop. */
export const THE_TEAM = 'The team';

/**
 * The "who" column of an activity line, the same in every window and report. The trainee's
 * actions: the person a tabletop scribe named, else the team (tabletop), else "You" in the
 * trainee's own window and "Coordinator" (the trainee's role) everywhere else.
 */
export function actorLabel(entry: LogEntry, who: EntrySource, view: { readonly own: boolean; readonly tabletop: boolean }): string {
  switch (who) {
    case 'you':
      return decidedBy(entry) ?? (view.tabletop ? THE_TEAM : view.own ? 'You' : 'Coordinator');
    case 'scenario':
      return 'Scenario';
    case 'facilitator':
      return 'Facilitator';
    case 'system':
      return 'System';
  }
}

/** Who in the room made a decision, when a tabletop scribe recorded it. */
export function decidedBy(entry: LogEntry): string | undefined {
  const payload = entry.payload as { by?: unknown } | null;
  return payload && typeof payload.by === 'string' && payload.by.trim() !== '' ? payload.by.trim() : undefined;
}
