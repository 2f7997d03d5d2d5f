import { useState } from 'react';
import type { ExerciseSession } from '../../store/exercise-session.ts';
import type { ExerciseView } from '../../engine/exercise-view.ts';
import { clockTime, parseDuration } from '../../scenario/duration.ts';
import type { Act } from './console-page.tsx';
import { RcaForm } from './rca-form.tsx';
import { ScorecardView } from './scorecard-view.tsx';
import type { LogEntry } from '../../engine/attempt-log.ts';

/**
 * "Write the RCA": the incident is over. The trainee reads what happened (the briefing, what
 * monitoring and users reported in each phase, what the responders did, every piece of
 * evidence and the change records) and writes the RCA, scored on the RCA alone.
 */
export function RcaExercise({ session, view, log, act }: { readonly session: ExerciseSession; readonly view: ExerciseView; readonly log: readonly LogEntry[]; readonly act: Act }) {
  const { spec } = session.scenario;
  const [submitted, setSubmitted] = useState(false);
  const at = (text: string) => clockTime(spec.clockStart, parseDuration(text) ?? 0);
  if (submitted || view.rca !== undefined) return <ScorecardView session={session} log={log} />;
  return (
    <div className="console-grid console-grid-closed">
      <RcaForm attemptId={session.attempt.id} act={act} view={view} onSubmitted={() => setSubmitted(true)} scenarioTitle={spec.title} />
      <section className="panel incident-record" aria-label="Incident record">
        <h2>Incident record</h2>
        <p>{spec.briefing ?? spec.summary}</p>
        <h3>What the responders did</h3>
        <ol>
          {spec.debrief.reference.map((step, i) => (
            <li key={i}>
              <time>{at(step.at)}</time> {step.action}
            </li>
          ))}
        </ol>
        <h3>What monitoring and users reported</h3>
        {Object.entries(spec.phases).map(([id, phase]) =>
          (phase.timeline ?? []).length === 0 ? null : (
            <details key={id}>
              <summary>{phase.title ?? id}</summary>
              <ul>
                {(phase.timeline ?? []).map((entry, i) => (
                  <li key={i}>{entry.alert ? `Alert (${entry.alert.level}, ${entry.alert.source}): ${entry.alert.text}` : entry.report ? `${entry.report.from}: ${entry.report.text}` : ''}</li>
                ))}
              </ul>
            </details>
          ),
        )}
        <h3>Evidence</h3>
        {Object.entries(spec.evidence).map(([id, evidence]) => (
          <details key={id}>
            <summary>{evidence.title}</summary>
            <pre>{evidence.text}</pre>
          </details>
        ))}
        {(spec.changes ?? []).length > 0 && (
          <>
            <h3>Change records</h3>
            <ul>
              {(spec.changes ?? []).map((c) => (
                <li key={c.id}>
                  {c.id}: {c.title}
                  {c.implemented ? ` (${c.implemented})` : ''}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
