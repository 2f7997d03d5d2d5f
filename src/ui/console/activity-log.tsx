import { memo, useState } from 'react';
import type { LoadedScenario } from '../../scenario/loader.ts';
import type { LogEntry } from '../../engine/attempt-log.ts';
import { clockTime } from '../../scenario/duration.ts';
import { actorLabel, describeEntry } from '../../engine/describe-entry.ts';
import { isFacilitatorEntry } from '../../engine/attempt-log.ts';

/** The newest entries shown at first; older ones behind "Show older" (an alert storm writes thousands). */
export const LOG_PAGE = 300;

/**
 * Every inject and action with its simulated time, newest first. A facilitator's notes,
 * adjustments and inject scheduling are not shown to the trainee; an ad-hoc alert or report
 * arrives in the log like any other.
 */
export function ActivityLog({ scenario, log, tabletop }: { readonly scenario: LoadedScenario; readonly log: readonly LogEntry[]; readonly tabletop: boolean }) {
  const [shown, setShown] = useState(LOG_PAGE);
  const all = log.filter((entry) => !isFacilitatorEntry(entry));
  const entries = all.slice(Math.max(0, all.length - shown)).reverse();
  const older = all.length - entries.length;
  return (
    <section className="panel activity" aria-label="Activity log">
      <h2>Activity log</h2>
      <ol reversed tabIndex={0} aria-label="Log entries, newest first">
        {entries.map((entry) => (
          <LogLine key={entry.seq} scenario={scenario} entry={entry} log={log} tabletop={tabletop} />
        ))}
      </ol>
      {older > 0 && (
        <button type="button" className="show-older" onClick={() => setShown((n) => n + 10 * LOG_PAGE)}>
          Show older entries ({older} more)
        </button>
      )}
    </section>
  );
}

/**
 * One line; log entries never change, so a line renders once. `log` is only read for what came
 * before the entry (the ad-hoc alert an acknowledgement names), which never changes either, so
 * a longer log is not a reason to render the line again.
 */
const LogLine = memo(
  function LogLine({ scenario, entry, log, tabletop }: { readonly scenario: LoadedScenario; readonly entry: LogEntry; readonly log: readonly LogEntry[]; readonly tabletop: boolean }) {
    const { who, text } = describeEntry(scenario, entry, log);
    return (
      <li className={`entry entry-${who}${entry.type === 'action.refused' ? ' entry-refused' : ''}`}>
        <time>{clockTime(scenario.spec.clockStart, entry.t)}</time> <span className="who">{actorLabel(entry, who, { own: true, tabletop })}</span> <span className="text">{text}</span>
      </li>
    );
  },
  (before, after) => before.entry === after.entry && before.scenario === after.scenario && before.tabletop === after.tabletop,
);
