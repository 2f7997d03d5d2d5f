import { useEffect, useMemo } from 'react';
import { deriveView } from '../../engine/exercise-view.ts';
import { actorLabel, describeEntry } from '../../engine/describe-entry.ts';
import { isActionEntry } from '../../engine/attempt-log.ts';
import { AUDIENCE_LABEL } from '../../scenario/triggers.ts';
import { clockTime, simMs } from '../../scenario/duration.ts';
import { useLiveAttempt } from '../use-live-attempt.ts';
import { ErrorScreen } from '../page-parts.tsx';

/**
 * `/project/<attemptId>`: what the room sees on the projector during a tabletop. Read-only,
 * large type, follows the attempt live. Shows what the team knows and did, never the answer key
 * or the scores.
 */
export function ProjectPage({ attemptId }: { readonly attemptId: string }) {
  const live = useLiveAttempt(attemptId);
  const ready = live.kind === 'ready' ? live : undefined;
  const view = useMemo(() => (ready ? deriveView(ready.scenario, ready.log, simMs(ready.state.simTime)) : undefined), [ready?.scenario, ready?.log, ready?.state.simTime]);
  useEffect(() => {
    if (ready) document.title = `${ready.scenario.spec.title} · projector · Incident Drill`;
  }, [ready?.scenario.spec.title]);
  if (live.kind === 'loading') return <main className="console-message">Opening the projector view…</main>;
  if (live.kind === 'error') return <ErrorScreen message={live.message} />;
  if (live.attempt.mode === 'interview') return <ErrorScreen message="There is no projector view for an interview." />;
  if (!view) return null;
  const { scenario, log } = live;
  const { spec } = scenario;
  const at = (t: number) => clockTime(spec.clockStart, t);
  const service = (id: string) => spec.services.find((s) => s.id === id)?.name ?? id;
  const decisions = log.filter(isActionEntry).slice(-8).reverse();
  return (
    <main className="projector">
      <header>
        <h1>{spec.title}</h1>
        <p className="projector-clock">
          <span role="timer" aria-label="Time of day">
            {at(view.t)}
          </span>
        </p>
        <p className="projector-situation">
          Situation: <strong>{view.phaseTitle}</strong>
        </p>
        <p className="projector-status">
          Priority: <strong>{view.priority?.level ?? 'not set'}</strong> · {view.majorDeclaredAt !== undefined ? 'Major incident declared' : 'Not a major incident'} · {view.bridgeOpenedAt !== undefined ? 'Bridge open' : 'No bridge'}
          {view.resolvedAt !== undefined ? ' · Resolved' : view.ended ? ' · Time is up' : ''}
        </p>
        {live.attempt.participants && live.attempt.participants.length > 0 && <p>Team: {live.attempt.participants.join(', ')}</p>}
      </header>
      {live.link === 'closed' && (
        <p className="banner banner-warning" role="status">
          The scribe's window is closed, so this view has stopped following the exercise. It carries on when the attempt is open again.
        </p>
      )}
      <div className="projector-grid">
        <section aria-label="Alerts">
          <h2>Alerts</h2>
          {view.alerts.length === 0 && <p>No alerts yet.</p>}
          <ul>
            {[...view.alerts].reverse().slice(0, 5).map(({ t, alert, acknowledgedAt }) => (
              <li key={alert.id} className={`alert-${alert.level}`}>
                <time>{at(t)}</time> <strong>{alert.level}</strong> {service(alert.service)}: {alert.text}
                {acknowledgedAt !== undefined ? ' (acknowledged)' : ''}
              </li>
            ))}
          </ul>
        </section>
        <section aria-label="User reports">
          <h2>Reports</h2>
          {view.reports.length === 0 && <p>No reports yet.</p>}
          <ul>
            {[...view.reports].reverse().slice(0, 5).map(({ t, report }) => (
              <li key={report.id}>
                <time>{at(t)}</time> <strong>{report.from}</strong>: {report.text}
              </li>
            ))}
          </ul>
        </section>
        <section aria-label="Updates posted">
          <h2>Updates posted</h2>
          {view.updates.length === 0 && <p>No updates yet.</p>}
          <ul>
            {[...view.updates].reverse().slice(0, 3).map((u, i) => (
              <li key={i}>
                <time>{at(u.t)}</time> to {AUDIENCE_LABEL[u.action.audience]}: {u.action.text}
              </li>
            ))}
          </ul>
        </section>
        <section aria-label="Decisions">
          <h2>Decisions</h2>
          {decisions.length === 0 && <p>No decisions yet.</p>}
          <ul>
            {decisions.map((entry) => (
              <li key={entry.seq}>
                <time>{at(entry.t)}</time> {actorLabel(entry, 'you', { own: false, tabletop: live.attempt.mode === 'tabletop' })}: {describeEntry(scenario, entry, log).text}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </main>
  );
}
