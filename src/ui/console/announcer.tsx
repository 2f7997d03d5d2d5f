import { useEffect, useMemo, useRef, useState } from 'react';
import type { LoadedScenario } from '../../scenario/loader.ts';
import type { LogEntry } from '../../engine/attempt-log.ts';
import type { ExerciseView } from '../../engine/exercise-view.ts';
import { clockTime } from '../../scenario/duration.ts';
import { updateSchedule } from '../../scoring/update-cadence.ts';

/**
 * A visually hidden assertive live region for the two things a trainee must act on at once: a
 * new critical alert, and a status update that has just become overdue (a due time passed with
 * no update). Assertive, not polite: both are rare (a handful per exercise), time-critical and
 * scored, so they may interrupt; routine feedback ("Saved: …") stays in the console's polite
 * region. What was already there when the console opened is not announced again: only changes.
 * `overdue` is false when there is no countdown (an interview, or a closed incident).
 */
export function Announcer({ scenario, log, view, overdue }: { readonly scenario: LoadedScenario; readonly log: readonly LogEntry[]; readonly view: ExerciseView; readonly overdue: boolean }) {
  const [message, setMessage] = useState('');
  const seen = useRef<Set<string> | undefined>(undefined);
  const lastMissed = useRef<number | undefined | null>(null);
  const missed = useMemo(() => (overdue ? updateSchedule(scenario, log, view.t).missedAt.at(-1) : undefined), [overdue, scenario, log, view.t]);
  const at = (t: number) => clockTime(scenario.spec.clockStart, t);
  const service = (id: string) => scenario.spec.services.find((s) => s.id === id)?.name ?? id;

  useEffect(() => {
    const parts: string[] = [];
    const critical = view.alerts.filter((a) => a.alert.level === 'critical');
    if (seen.current === undefined) seen.current = new Set(critical.map((a) => a.alert.id));
    for (const { t, alert } of critical) {
      if (seen.current.has(alert.id)) continue;
      seen.current.add(alert.id);
      parts.push(`Critical alert on ${service(alert.service)} at ${at(t)}: ${alert.text}`);
    }
    if (lastMissed.current === null) lastMissed.current = missed;
    else if (missed !== undefined && missed !== lastMissed.current) {
      lastMissed.current = missed;
      parts.push(`Status update overdue: one was due at ${at(missed)} and none was posted.`);
    }
    if (parts.length > 0) setMessage(parts.join(' '));
  }, [view, missed, scenario]);

  return (
    <div className="visually-hidden" aria-live="assertive" aria-atomic="true" data-announcer="">
      {message}
    </div>
  );
}
