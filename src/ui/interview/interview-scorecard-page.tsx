import { adjustmentProblem } from '../../engine/facilitator.ts';
import { useEffect, useMemo, useState } from 'react';
import { rcaSubmitted, type LogEntry } from '../../engine/attempt-log.ts';
import type { LoadedScenario } from '../../scenario/loader.ts';
import { clockTime } from '../../scenario/duration.ts';
import { hireSignal, hireSignalLegend, RUBRIC_VERSION, SIGNAL_LABEL } from '../../scoring/rubric.ts';
import { rescoreNotice } from '../../scoring/interview-comparison.ts';
import { DIMENSIONS, type Dimension } from '../../scoring/scorecard.ts';
import { DIMENSION_LABEL } from '../../scoring/scorecard.ts';
import { addAdjustment, addNote, getInterview, interviewScorecard, interviewTranscript, readUnlocked, unlockInterview, type UnlockedInterview } from '../../store/interview-store.ts';
import type { InterviewRecord } from '../../store/db.ts';
import { attemptStore, findScenario } from '../app-services.ts';
import { downloadText } from '../download.ts';
import { ErrorScreen, LibraryLink } from '../page-parts.tsx';
import { SelectField } from '../select-field.tsx';


/** The passphrase form shared by the scorecard and the comparison. */
export function UnlockForm({ label, onUnlock }: { readonly label: string; readonly onUnlock: (passphrase: string) => Promise<string | undefined> }) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="unlock"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void onUnlock(passphrase).then((problem) => {
          setBusy(false);
          setError(problem);
          if (!problem) setPassphrase('');
        });
      }}
    >
      <label>
        Passphrase <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="current-password" />
      </label>{' '}
      <button type="submit" className="primary" disabled={busy || passphrase === ''}>
        {busy ? 'Unlocking…' : 'Unlock'}
      </button>
      {error && (
        <p role="alert" className="banner banner-error">
          {error}
        </p>
      )}
    </form>
  );
}

type Loaded = { readonly interview: InterviewRecord; readonly scenario: LoadedScenario; readonly log: LogEntry[] };

/** `/interview/<attemptId>`: the interviewer's scorecard, locked behind the passphrase. */
export function InterviewScorecardPage({ attemptId }: { readonly attemptId: string }) {
  const [loaded, setLoaded] = useState<Loaded | { error: string } | undefined>();
  const [unlocked, setUnlocked] = useState<UnlockedInterview | undefined>();

  useEffect(() => {
    document.title = 'Interview scorecard · Incident Drill';
    void (async () => {
      const interview = await getInterview(attemptStore, attemptId);
      if (!interview) return setLoaded({ error: `There is no interview "${attemptId}" in this browser (interviews are set up on "Set up an interview").` });
      const scenario = findScenario(interview.scenarioId);
      if (!scenario) return setLoaded({ error: `This interview is for the scenario "${interview.scenarioId}", which is not in this app's library.` });
      const result = await attemptStore.load(attemptId);
      if (!result.ok) return setLoaded({ error: result.error.message });
      setLoaded({ interview, scenario, log: result.value.log });
    })();
  }, [attemptId]);

  if (!loaded) return <main className="console-message">Loading the interview…</main>;
  if ('error' in loaded) return <ErrorScreen message={loaded.error} />;
  const { interview, scenario, log } = loaded;

  async function unlock(passphrase: string): Promise<string | undefined> {
    const result = await unlockInterview(attemptStore, attemptId, passphrase);
    if (!result.ok) return result.error.message;
    setUnlocked(result.value);
    return undefined;
  }

  return (
    <main className="library interview-scorecard">
      <LibraryLink />
      <h1>Interview scorecard: {interview.candidate}</h1>
      <p>
        {scenario.spec.title} · set up {new Date(interview.createdAt).toLocaleString()}
      </p>
      {unlocked ? (
        <Unlocked
          scenario={scenario}
          log={log}
          unlocked={unlocked}
          onChange={async () => {
            const again = await readUnlocked(attemptStore, attemptId, unlocked.privateKey);
            if (!again.ok) return again.error.message;
            setUnlocked(again.value);
            return undefined;
          }}
          onLock={() => setUnlocked(undefined)}
        />
      ) : (
        <section className="panel" aria-label="Locked">
          <h2>Locked</h2>
          <p>The results, notes and adjustments of this interview are encrypted. Enter the passphrase it was set up with.</p>
          <UnlockForm label="Unlock the interview" onUnlock={unlock} />
        </section>
      )}
    </main>
  );
}

function Unlocked({ scenario, log, unlocked, onChange, onLock }: { readonly scenario: LoadedScenario; readonly log: LogEntry[]; readonly unlocked: UnlockedInterview; readonly onChange: () => Promise<string | undefined>; readonly onLock: () => void }) {
  const { interview, attempt } = unlocked;
  const card = useMemo(() => interviewScorecard(scenario, log, unlocked), [scenario, log, unlocked]);
  const notice = useMemo(() => rescoreNotice(card, unlocked.sealedResult), [card, unlocked.sealedResult]);
  const [note, setNote] = useState('');
  const [dimension, setDimension] = useState<Dimension>('severity');
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [noteProblem, setNoteProblem] = useState<string | undefined>();
  const finished = rcaSubmitted(log);
  const at = (t: number) => clockTime(scenario.spec.clockStart, t);

  async function onAdjust() {
    const n = points.trim() === '' ? Number.NaN : Number(points);
    const invalid = adjustmentProblem({ dimension, points: n, reason });
    if (invalid) return setProblem(invalid);
    const saved = await addAdjustment(attemptStore, attempt.id, { dimension, points: n, reason: reason.trim() });
    if (!saved.ok) return setProblem(saved.error.message);
    setPoints('');
    setReason('');
    setProblem(await onChange());
  }

  return (
    <>
      <section className="panel scorecard" aria-label="Interview results">
        <h2>Results</h2>
        {!finished && <p className="banner banner-warning">The candidate has not submitted the RCA yet: these are the scores so far.</p>}
        <p className="total">
          Weighted total <strong>{card.total}</strong>
          <span className="of">/100</span>
        </p>
        <p>
          Rubric version <strong>{RUBRIC_VERSION}</strong> · weights used: {DIMENSIONS.map((d) => `${DIMENSION_LABEL[d]} ${card.dimensions[d].weight}`).join(', ')}
        </p>
        {notice && (
          <p className="banner banner-warning" role="status">
            {notice}
          </p>
        )}
        <p>{hireSignalLegend()}</p>
        <div className="dimensions">
          {DIMENSIONS.map((d) => {
            const dim = card.dimensions[d];
            return (
              <section key={d} className="dimension" aria-label={`${DIMENSION_LABEL[d]}: ${dim.score} of 100`}>
                <h3>
                  {DIMENSION_LABEL[d]} <span className="score">{dim.score}</span>
                  <span className="weight"> (weight {dim.weight})</span> · <span className={`signal signal-${hireSignal(dim.score)}`}>{SIGNAL_LABEL[hireSignal(dim.score)]}</span>
                </h3>
                {dim.adjustments.length > 0 && (
                  <p className="hint-text">
                    Rubric {dim.automatic}; adjusted by the interviewer: {dim.adjustments.map((a) => `${a.points > 0 ? '+' : ''}${a.points} (${a.reason})`).join('; ')}
                  </p>
                )}
                <ul>
                  {dim.evidence.map((line, i) => (
                    <li key={i} className={line.points > 0 ? 'gain' : line.points < 0 ? 'loss' : 'zero'}>
                      <span className="points">{line.points > 0 ? `+${line.points}` : line.points}</span> {line.t !== null && <time>{at(line.t)}</time>} {line.text}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
        <div className="buttons">
          <button
            type="button"
            onClick={() => downloadText(`${attempt.scenarioId}-${attempt.id}-interview.json`, `${JSON.stringify(interviewTranscript(attempt, log, unlocked), null, 2)}\n`)}
          >
            Export transcript
          </button>
          <button type="button" onClick={onLock}>
            Lock
          </button>
        </div>
      </section>

      <section className="panel" aria-label="Interviewer notes">
        <h2>Notes</h2>
        {unlocked.notes.length === 0 ? (
          <p>No notes yet.</p>
        ) : (
          <ul>
            {unlocked.notes.map((n, i) => (
              <li key={i}>
                <time>{new Date(n.at).toLocaleString()}</time> {n.text}
              </li>
            ))}
          </ul>
        )}
        <label className="block">
          Note
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
        </label>
        <button
          type="button"
          disabled={note.trim() === ''}
          onClick={() =>
            void addNote(attemptStore, attempt.id, note.trim()).then(async (saved) => {
              if (!saved.ok) return setNoteProblem(saved.error.message);
              setNote('');
              setNoteProblem(await onChange());
            })
          }
        >
          Add note
        </button>
        <p className="hint-text">Notes are stored encrypted to this interview's key.</p>
        {noteProblem && (
          <p role="alert" className="banner banner-error">
            {noteProblem}
          </p>
        )}
      </section>

      <section className="panel" aria-label="Adjust a score">
        <h2>Adjust a score</h2>
        <p className="hint-text">For what the rubric cannot see (how they ran the bridge, what they said aloud). A reason is required; the adjustment is stored encrypted and is part of the exported transcript.</p>
        <SelectField<Dimension> label="Dimension" value={dimension} onChange={setDimension} options={DIMENSIONS.map((d) => ({ value: d, label: DIMENSION_LABEL[d] }))} />{' '}
        <label>
          Points <input type="number" min={-100} max={100} step={1} value={points} onChange={(e) => setPoints(e.target.value)} />
        </label>{' '}
        <label>
          Reason <input value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>{' '}
        <button type="button" onClick={() => void onAdjust()}>
          Add adjustment
        </button>
        {problem && (
          <p role="alert" className="banner banner-error">
            {problem}
          </p>
        )}
      </section>
    </>
  );
}
