import type { LoadedScenario } from '../../scenario/loader.ts';
import type { LogEntry } from '../../engine/attempt-log.ts';
import { clockTime } from '../../scenario/duration.ts';
import { describeEntry } from '../../engine/describe-entry.ts';
import { isFacilitatorEntry } from '../../engine/attempt-log.ts';

/**
 * Every inject and action with its simulated time, newest first. A facilitator's notes,
 * adjustments and inject scheduling are not shown to the trainee; an ad-hoc alert or report
 * arrives in the log like any other.
 */
export function ActivityLog({ scenario, log }: { readonly scenario: LoadedScenario; readonly log: readonly LogEntry[] }) {
  const entries = log.filter((entry) => !isFacilitatorEntry(entry)).reverse();
  return (
    <section className="panel activity" aria-label="Activity log">
      <h2>Activity log</h2>
      <ol reversed tabIndex={0} aria-label="Log entries, newest first">
        {entries.map((entry) => {
          const { who, text } = describeEntry(scenario, entry);
          return (
            <li key={entry.seq} className={`entry entry-${who}${entry.type === 'action.refused' ? ' entry-refused' : ''}`}>
              <time>{clockTime(scenario.spec.clockStart, entry.t)}</time> <span className="who">{who === 'you' ? 'You' : who === 'scenario' ? 'Scenario' : 'System'}</span> <span className="text">{text}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
