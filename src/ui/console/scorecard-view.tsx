import { DIMENSION_LABEL } from '../../scoring/scorecard.ts';
import { useEffect, useMemo, useRef } from 'react';
import type { LogEntry } from '../../engine/attempt-log.ts';
import { toTranscript } from '../../engine/transcript.ts';
import type { ExerciseSession } from '../../store/exercise-session.ts';
import { score } from '../../scoring/score.ts';
import { DIMENSIONS } from '../../scoring/scorecard.ts';
import { clockTime } from '../../scenario/duration.ts';
import { navigate } from '../router.ts';
import { downloadText } from '../download.ts';
import { exportAttempt } from '../attempt-transfer.ts';
import { postIncidentReport } from '../../scoring/post-incident-report.ts';


/** The scorecard: the same function, on the same log, as `npm run replay -- --json`. */
export function ScorecardView({ session, log }: { readonly session: ExerciseSession; readonly log: readonly LogEntry[] }) {
  const { scenario, attempt } = session;
  const card = useMemo(() => score(scenario, log, attempt.mode), [scenario, log, attempt.mode]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  function exportTranscript() {
    const transcript = toTranscript(log, scenario.spec.id, attempt.seed, attempt.mode);
    downloadText(`${scenario.spec.id}-${attempt.id}.json`, `${JSON.stringify(transcript, null, 2)}\n`);
  }

  return (
    <section className="panel scorecard" aria-label="Scorecard">
      <h2 ref={heading} tabIndex={-1}>
        Scorecard
      </h2>
      <p className="total">
        Total <strong>{card.total}</strong>
        <span className="of">/100</span>
      </p>
      <div className="dimensions">
        {DIMENSIONS.filter((d) => card.dimensions[d].weight > 0).map((d) => {
          const dim = card.dimensions[d];
          return (
            <section key={d} className="dimension" aria-label={`${DIMENSION_LABEL[d]}: ${dim.score} of 100`}>
              <h3>
                {DIMENSION_LABEL[d]} <span className="score">{dim.score}</span>
                <span className="weight"> (weight {dim.weight}{dim.adjustments.length > 0 ? `; automatic ${dim.automatic}` : ''})</span>
              </h3>
              {dim.adjustments.length > 0 && (
                <ul className="adjustments" aria-label={`Facilitator adjustments to ${DIMENSION_LABEL[d]}`}>
                  {dim.adjustments.map((a, i) => (
                    <li key={i} className={a.points > 0 ? 'gain' : 'loss'}>
                      <span className="points">{a.points > 0 ? `+${a.points}` : a.points}</span> <time>{clockTime(scenario.spec.clockStart, a.t)}</time> Facilitator: {a.reason}
                    </li>
                  ))}
                </ul>
              )}
              <ul>
                {dim.evidence.map((line, i) => (
                  <li key={i} className={line.points > 0 ? 'gain' : line.points < 0 ? 'loss' : 'zero'}>
                    <span className="points">{line.points > 0 ? `+${line.points}` : line.points}</span> {line.t !== null && <time>{clockTime(scenario.spec.clockStart, line.t)}</time>} {line.text}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      <div className="buttons">
        <button type="button" className="primary" onClick={() => navigate(`/debrief/${attempt.id}`)}>
          Open debrief
        </button>
        <button type="button" onClick={exportTranscript}>
          Export transcript
        </button>
        <button type="button" onClick={() => void exportAttempt(attempt.id)}>
          Export attempt
        </button>
        <button
          type="button"
          onClick={() => downloadText(`${scenario.spec.id}-${attempt.id}-report.md`, postIncidentReport(scenario, log, card, { mode: attempt.mode, played: new Date(attempt.createdAt).toLocaleString(), ...(attempt.participants ? { participants: attempt.participants } : {}) }), 'text/markdown')}
        >
          Download report (Markdown)
        </button>
        <button type="button" onClick={() => navigate('/')}>
          Back to the library
        </button>
      </div>
    </section>
  );
}
