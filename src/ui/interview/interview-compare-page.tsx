import { useEffect, useMemo, useState } from 'react';
import { rcaSubmitted, type LogEntry } from '../../engine/attempt-log.ts';
import type { LoadedScenario } from '../../scenario/loader.ts';
import { hireSignal, hireSignalLegend, RUBRIC_VERSION, SIGNAL_LABEL } from '../../scoring/rubric.ts';
import { DIMENSIONS } from '../../scoring/scorecard.ts';
import { alignedTimelines, comparisonCsv, comparisonMarkdown, type ComparedCandidate } from '../../scoring/interview-comparison.ts';
import { DIMENSION_LABEL } from '../../scoring/scorecard.ts';
import { interviewScorecard, listInterviews, unlockInterview } from '../../store/interview-store.ts';
import type { AttemptRecord, InterviewRecord } from '../../store/db.ts';
import { allScenarios, attemptStore, findScenario } from '../app-services.ts';
import { downloadText } from '../download.ts';
import { LibraryLink } from '../page-parts.tsx';
import { SelectField } from '../select-field.tsx';
import { navigate } from '../router.ts';
import { UnlockForm } from './interview-scorecard-page.tsx';

type Finished = { readonly interview: InterviewRecord; readonly attempt: AttemptRecord; readonly log: LogEntry[] };
type Opened = ComparedCandidate & { readonly log: LogEntry[] };

/** `/interview/compare`: candidates who took one scenario, side by side, each unlocked by its passphrase. */
export function InterviewComparePage() {
  const scenarios = allScenarios().flatMap((e) => (e.scenario ? [e.scenario.spec] : []));
  const [interviews, setInterviews] = useState<InterviewRecord[] | undefined>();
  const [scenarioId, setScenarioId] = useState('');
  const [finished, setFinished] = useState<Finished[]>([]);
  const [opened, setOpened] = useState<ReadonlyMap<string, Opened>>(new Map());
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    document.title = 'Compare candidates · Incident Drill';
    listInterviews(attemptStore).then(
      (list) => {
        setInterviews(list);
        setScenarioId((current) => current || (list[0]?.scenarioId ?? ''));
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);

  useEffect(() => {
    setOpened(new Map());
    if (!interviews) return;
    void (async () => {
      const out: Finished[] = [];
      for (const interview of interviews.filter((i) => i.scenarioId === scenarioId)) {
        const loaded = await attemptStore.load(interview.attemptId);
        if (loaded.ok && rcaSubmitted(loaded.value.log)) out.push({ interview, attempt: loaded.value.attempt, log: loaded.value.log });
      }
      setFinished(out);
    })();
  }, [interviews, scenarioId]);

  const scenario = findScenario(scenarioId);
  const withInterviews = [...new Set((interviews ?? []).map((i) => i.scenarioId))];
  const rows = finished.flatMap((f) => (opened.has(f.attempt.id) ? [opened.get(f.attempt.id) as Opened] : []));

  /** Tries the passphrase on each locked interview (one passphrase may open several). Returns how many it opened. */
  async function tryPassphrase(passphrase: string, only?: string): Promise<number> {
    if (!scenario) {
      setError(`The scenario "${scenarioId}" is no longer in this app's library, so these interviews cannot be scored here. Import the scenario file again on the Author page.`);
      return 0;
    }
    const next = new Map(opened);
    for (const f of finished) {
      if (next.has(f.attempt.id) || (only !== undefined && f.attempt.id !== only)) continue;
      const unlocked = await unlockInterview(attemptStore, f.attempt.id, passphrase);
      if (unlocked.ok) {
        next.set(f.attempt.id, { candidate: f.interview.candidate, attemptId: f.attempt.id, card: interviewScorecard(scenario, f.log, unlocked.value), log: f.log });
      } else if (unlocked.error.kind !== 'wrong-passphrase') {
        setError(unlocked.error.message);
      }
    }
    const count = next.size - opened.size;
    setOpened(next);
    return count;
  }

  return (
    <main className="library interview-compare">
      <LibraryLink />
      <h1>Compare candidates</h1>
      <p>
        Candidates who finished an interview on the same scenario, side by side. Each interview stays locked until its passphrase is given; one passphrase opens every interview set up with it. The score is a pure function of the scenario
        and the candidate's actions (with the interview's weights): the same actions score the same for everyone. This app scores with rubric version {RUBRIC_VERSION}.
      </p>
      {error && (
        <p role="alert" className="banner banner-error">
          {error}
        </p>
      )}
      {interviews?.length === 0 && (
        <p>
          No interviews in this browser yet.{' '}
          <a
            href="/interview/new"
            onClick={(e) => {
              e.preventDefault();
              navigate('/interview/new');
            }}
          >
            Set up an interview
          </a>
        </p>
      )}
      {interviews && interviews.length > 0 && (
        <>
          <p>
            <SelectField label="Scenario" value={scenarioId} onChange={setScenarioId} options={withInterviews.map((id) => ({ value: id, label: scenarios.find((s) => s.id === id)?.title ?? id }))} />
          </p>
          {finished.length === 0 ? (
            <p>No finished interviews on this scenario yet.</p>
          ) : (
            <section className="panel" aria-label="Candidates">
              <h2>Candidates</h2>
              {finished.length > rows.length && <UnlockForm label="Unlock with one passphrase" onUnlock={async (p) => ((await tryPassphrase(p)) > 0 ? undefined : 'Wrong passphrase')} />}
              <table className="attempts comparison">
                <thead>
                  <tr>
                    <th scope="col">Candidate</th>
                    <th scope="col">Total</th>
                    {DIMENSIONS.map((d) => (
                      <th key={d} scope="col">
                        {DIMENSION_LABEL[d]}
                      </th>
                    ))}
                    <th scope="col">Weights (S/E/C/R)</th>
                    <th scope="col">Rubric</th>
                  </tr>
                </thead>
                <tbody>
                  {finished.map((f) => {
                    const row = opened.get(f.attempt.id);
                    return (
                      <tr key={f.attempt.id} aria-label={f.interview.candidate}>
                        <th scope="row">{f.interview.candidate}</th>
                        {row ? (
                          <>
                            <td className="total-cell">{row.card.total}</td>
                            {DIMENSIONS.map((d) => (
                              <td key={d}>
                                {row.card.dimensions[d].score} <span className={`signal signal-${hireSignal(row.card.dimensions[d].score)}`}>{SIGNAL_LABEL[hireSignal(row.card.dimensions[d].score)]}</span>
                              </td>
                            ))}
                            <td>{DIMENSIONS.map((d) => row.card.dimensions[d].weight).join('/')}</td>
                            <td>{RUBRIC_VERSION}</td>
                          </>
                        ) : (
                          <td colSpan={DIMENSIONS.length + 3}>
                            Locked <UnlockForm label={`Unlock ${f.interview.candidate}`} onUnlock={async (p) => ((await tryPassphrase(p, f.attempt.id)) > 0 ? undefined : 'Wrong passphrase')} />
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <p>
                {hireSignalLegend()}
              </p>
              {rows.length > 0 && scenario && (
                <p className="buttons">
                  <button type="button" onClick={() => downloadText(`${scenario.spec.id}-interviews.csv`, comparisonCsv(scenario.spec.id, rows), 'text/csv')}>
                    Export comparison (CSV)
                  </button>{' '}
                  <button type="button" onClick={() => downloadText(`${scenario.spec.id}-interviews.md`, comparisonMarkdown(scenario.spec.title, rows), 'text/markdown')}>
                    Export summary (Markdown)
                  </button>
                </p>
              )}
            </section>
          )}
          {rows.length > 0 && scenario && <Timelines scenario={scenario} rows={rows} />}
        </>
      )}
    </main>
  );
}

/** One row of action markers per candidate, on one simulated-time axis (alignedTimelines). */
function Timelines({ scenario, rows }: { readonly scenario: LoadedScenario; readonly rows: readonly Opened[] }) {
  const lines = useMemo(() => alignedTimelines(scenario, rows), [scenario, rows]);
  return (
    <section className="panel" aria-label="Timelines">
      <h2>Timelines</h2>
      <p className="hint-text">
        Each mark is an action, on the scenario's clock ({lines.from} to {lines.to}). Hover or focus a mark for what it was.
      </p>
      <div className="timelines">
        {lines.rows.map((row) => (
          <div key={row.attemptId} className="timeline-row">
            <span className="timeline-name">{row.candidate}</span>
            <ol className="timeline-track" aria-label={`${row.candidate}: actions`}>
              {row.marks.map((mark) => (
                <li key={mark.seq} className={`timeline-mark mark-${mark.kind}`} style={{ left: `${mark.position * 100}%` }} title={mark.text} aria-label={mark.text} tabIndex={0} />
              ))}
            </ol>
          </div>
        ))}
        <div className="timeline-row timeline-axis" aria-hidden="true">
          <span className="timeline-name" />
          <div className="timeline-track">
            {lines.ticks.map((tick) => (
              <span key={tick.label} className="timeline-tick" style={{ left: `${tick.position * 100}%` }}>
                {tick.label}
              </span>
            ))}
          </div>
        </div>
      </div>
    </section>
  );
}
