import { useEffect, useRef, useState } from 'react';
import { rcaSubmitted, type LogEntry } from '../../engine/attempt-log.ts';
import type { ExerciseSession } from '../../store/exercise-session.ts';
import { sealResults } from '../../store/interview-store.ts';
import { attemptStore } from '../app-services.ts';

/**
 * What the candidate sees once the RCA is in: no score. The scorecard is sealed to the
 * interviewer's public key (once; a reload seals nothing twice) and only then forgotten.
 */
export function InterviewComplete({ session, log }: { readonly session: ExerciseSession; readonly log: readonly LogEntry[] }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [problem, setProblem] = useState<string | undefined>();
  const scored = rcaSubmitted(log);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (!scored) return;
    void sealResults(attemptStore, session.attempt.id, session.scorecard()).then((sealed) => {
      if (!sealed.ok) setProblem(`The results could not be sealed for your interviewer (${sealed.error.message}). Please tell them; your answers are saved.`);
    });
  }, [scored, session]);
  return (
    <section className="panel interview-complete" aria-label="Interview complete">
      <h2 ref={heading} tabIndex={-1}>
        Interview complete. Your interviewer will review it.
      </h2>
      <p>Thank you. Your actions and your RCA are saved in this browser; there is nothing more to do.</p>
      {problem && (
        <p role="alert" className="banner banner-error">
          {problem}
        </p>
      )}
    </section>
  );
}
