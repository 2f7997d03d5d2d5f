import { useEffect, useMemo, useRef, useState } from 'react';
import type { LoadedScenario } from '../../scenario/loader.ts';
import type { LogEntry } from '../../engine/attempt-log.ts';
import type { ExerciseView } from '../../engine/exercise-view.ts';
import { clockTime } from '../../scenario/duration.ts';
import { updateSchedule } from '../../scoring/update-cadence.ts';

/** What has been announced so far: the critical alerts seen and the last missed update slot. */
export interface Announced {
  readonly critical: ReadonlySet<string>;
  readonly missed: number | undefined;
}

/**
 * What to announce when the view moves from what was `announced` to `view`, whose last missed
 * update slot is `missed`: each new critical alert, then a newly missed update. With no
 * `announced` (the console just opened) nothing is said: what is already there was seen before.
 */
export function announcements(scenario: LoadedScenario, announced: Announced | undefined, view: ExerciseView, missed: number | undefined): { readonly announced: Announced; readonly text: string } {
  const critical = view.alerts.filter((a) => a.alert.level === 'critical');
  if (announced === undefined) return { announced: { critical: new Set(critical.map((a) => a.alert.id)), missed }, text: '' };
  const at = (t: number) => clockTime(scenario.spec.clockStart, t);
  const service = (id: string) => scenario.spec.services.find((s) => s.id === id)?.name ?? id;
  const parts: string[] = [];
  const seen = new Set(announced.critical);
  for (const { t, alert } of critical) {
    if (seen.has(alert.id)) continue;
    seen.add(alert.id);
    parts.push(`Critical alert on ${service(alert.service)} at ${at(t)}: ${alert.text}`);
  }
  if (missed !== undefined && missed !== announced.missed) parts.push(`Status update overdue: one was due at ${at(missed)} and none was posted.`);
  return { announced: { critical: seen, missed: missed ?? announced.missed }, text: parts.join(' ') };
}

/**
 * A visually hidden assertive live region for the two things a trainee must act on at once: a
 * new critical alert, and a status update that has just become overdue (a due time passed with
 * no update). Assertive, not polite: both are rare (a handful per exercise), time-critical and
 * scored, so they may interrupt; routine feedback ("Saved: …") stays in the console's polite
 * region. `overdue` is false when there is no countdown (an interview, or a closed incident).
 */
export function Announcer({ scenario, log, view, overdue }: { readonly scenario: LoadedScenario; readonly log: readonly LogEntry[]; readonly view: ExerciseView; readonly overdue: boolean }) {
  const [message, setMessage] = useState('');
  const announced = useRef<Announced | undefined>(undefined);
  const missed = useMemo(() => (overdue ? updateSchedule(scenario, log, view.t).missedAt.at(-1) : undefined), [overdue, scenario, log, view.t]);

  useEffect(() => {
    const next = announcements(scenario, announced.current, view, missed);
    announced.current = next.announced;
    if (next.text !== '') setMessage(next.text);
  }, [scenario, view, missed]);

  return (
    <div className="visually-hidden" aria-live="assertive" aria-atomic="true" data-announcer="">
      {message}
    </div>
  );
}
