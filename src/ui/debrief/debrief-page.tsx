import { DIMENSION_LABEL } from '../../scoring/scorecard.ts';
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { LoadedScenario } from '../../scenario/loader.ts';
import type { LogEntry } from '../../engine/attempt-log.ts';
import type { AttemptRecord } from '../../store/db.ts';
import { clockTime } from '../../scenario/duration.ts';
import { score } from '../../scoring/score.ts';
import { DIMENSIONS } from '../../scoring/scorecard.ts';
import { debriefModel, type DebriefPoint } from '../../scoring/debrief.ts';
import { ExerciseSession } from '../../store/exercise-session.ts';
import { attemptStore, findScenario, newAttemptId, newSeed, tabId } from '../app-services.ts';
import { navigate } from '../router.ts';
import { ErrorScreen, LibraryLink } from '../page-parts.tsx';
import { downloadText } from '../download.ts';
import { notesOf, postIncidentReport } from '../../scoring/post-incident-report.ts';
import { teamCredit } from '../../scoring/team-credit.ts';
import { useUnfocusableChartLayers } from './chart-layers.ts';

const ROWS = ['You', 'Expert', 'Updates', 'Missed updates', 'Escalations', 'Deadlines', 'Scoring'] as const;
/** Simulated ms as minutes, one decimal: the charts' x axis. */
const minutes = (t: number) => Math.round((t / 60000) * 10) / 10;
const COLOURS = { You: '#2457c5', Expert: '#2e7d32', Updates: '#6a3fb5', 'Missed updates': '#b42318', Escalations: '#b7791f', Deadlines: '#5b6577', Scoring: '#0f766e' } as const;

type Loaded = { readonly attempt: AttemptRecord; readonly log: LogEntry[]; readonly scenario: LoadedScenario };

/** `/debrief/<attemptId>`: how the attempt went, against the expert reference. */
export function DebriefPage({ attemptId }: { readonly attemptId: string }) {
  const [state, setState] = useState<Loaded | { error: string } | undefined>();
  useEffect(() => {
    void attemptStore.load(attemptId).then((result) => {
      if (!result.ok) return setState({ error: result.error.message });
      const scenario = findScenario(result.value.attempt.scenarioId);
      if (!scenario) return setState({ error: `This attempt is for the scenario "${result.value.attempt.scenarioId}", which is not in this app's library.` });
      setState({ ...result.value, scenario });
    });
  }, [attemptId]);
  if (!state) return <main className="console-message">Loading the debrief…</main>;
  if ('error' in state) return <ErrorScreen message={state.error} />;
  // An interview's score is for the interviewer only: it is on the interview's own, locked scorecard.
  if (state.attempt.mode === 'interview') return <InterviewLocked attemptId={attemptId} />;
  return <Debrief {...state} />;
}

function InterviewLocked({ attemptId }: { readonly attemptId: string }) {
  return (
    <main className="console-message">
      <LibraryLink />
      <h1>Interview results are locked</h1>
      <p>
        This attempt is an interview: its score is shown only on the{' '}
        <a
          href={`/interview/${attemptId}`}
          onClick={(e) => {
            e.preventDefault();
            navigate(`/interview/${attemptId}`);
          }}
        >
          interview scorecard
        </a>
        , after the interviewer's passphrase is given.
      </p>
    </main>
  );
}

function Debrief({ attempt, log, scenario }: Loaded) {
  const timelineFigure = useUnfocusableChartLayers<HTMLDivElement>();
  const priorityFigure = useUnfocusableChartLayers<HTMLDivElement>();
  const { spec } = scenario;
  const card = useMemo(() => score(scenario, log, attempt.mode), [scenario, log, attempt.mode]);
  const model = useMemo(() => debriefModel(scenario, log, card), [scenario, log, card]);
  const at = (t: number) => clockTime(spec.clockStart, t);
  const [retrying, setRetrying] = useState(false);
  const [focused, setFocused] = useState<{ t: number; label: string; text: string } | undefined>();
  const notes = useMemo(() => notesOf(log), [log]);
  const participants = attempt.participants ?? [];
  const credits = useMemo(() => (participants.length > 0 ? teamCredit(scenario, log, participants) : []), [scenario, log, participants]);

  useEffect(() => {
    document.title = `Debrief: ${spec.title} · Incident Drill`;
  }, [spec.title]);

  const rows: TimelineRows = useMemo(
    () => ({
      You: model.actions,
      Expert: model.reference,
      Updates: model.updatesPosted,
      'Missed updates': model.updatesMissed,
      Escalations: model.escalationsSent,
      Deadlines: model.escalationDeadlines,
      Scoring: model.evidencePoints,
    }),
    [model],
  );

  async function retry() {
    setRetrying(true);
    const result = await ExerciseSession.start(attemptStore, scenario, { id: newAttemptId(), mode: attempt.mode, seed: newSeed(), owner: tabId, ...(attempt.participants ? { participants: attempt.participants } : {}) });
    setRetrying(false);
    if (result.ok) navigate(`/play/${result.value.attempt.id}`);
  }

  return (
    <main className="debrief">
      <header className="debrief-header">
        <LibraryLink />
        <h1>Debrief: {spec.title}</h1>
        <p>
          {attempt.mode} mode · started {new Date(attempt.createdAt).toLocaleString()}
        </p>
        <div className="buttons">
          <button type="button" className="primary" disabled={retrying} onClick={() => void retry()}>
            Retry
          </button>
          <button type="button" onClick={() => window.print()}>
            Print / save as PDF
          </button>
          <button
            type="button"
            onClick={() => downloadText(`${spec.id}-${attempt.id}-report.md`, postIncidentReport(scenario, log, card, { mode: attempt.mode, played: new Date(attempt.createdAt).toLocaleString(), ...(participants.length > 0 ? { participants } : {}) }), 'text/markdown')}
          >
            Download report (Markdown)
          </button>
        </div>
      </header>

      <section className="panel" aria-label="Scores">
        <h2>
          Total <span className="big">{card.total}</span>/100
        </h2>
        <div className="dimensions">
          {DIMENSIONS.map((d) => (
            <section key={d} className="dimension" aria-label={`${DIMENSION_LABEL[d]}: ${card.dimensions[d].score} of 100`}>
              <h3>
                {DIMENSION_LABEL[d]} <span className="score">{card.dimensions[d].score}</span>
                <span className="weight">
                  {card.dimensions[d].adjustments.length === 0
                    ? ` automatic score (weight ${card.dimensions[d].weight}); no facilitator adjustment`
                    : ` adjusted score (weight ${card.dimensions[d].weight}); automatic score ${card.dimensions[d].automatic}`}
                </span>
              </h3>
              {card.dimensions[d].adjustments.length > 0 && (
                <>
                  <h4>Facilitator adjustments</h4>
                  <ul aria-label={`Facilitator adjustments to ${DIMENSION_LABEL[d]}`}>
                    {card.dimensions[d].adjustments.map((a, i) => (
                      <li key={i} className={a.points > 0 ? 'gain' : 'loss'}>
                        <span className="points">{a.points > 0 ? `+${a.points}` : a.points}</span> <time>{at(a.t)}</time> {a.reason}
                      </li>
                    ))}
                  </ul>
                  <p>
                    {card.dimensions[d].automatic} automatic {card.dimensions[d].adjustments.map((a) => (a.points > 0 ? `+ ${a.points}` : `− ${-a.points}`)).join(' ')} = <strong>{card.dimensions[d].score}</strong> adjusted
                  </p>
                </>
              )}
              <h4>Went well</h4>
              <ul>
                {model.dimensions[d].wentWell.map((l, i) => (
                  <li key={i} className="gain">
                    <span className="points">+{l.points}</span> {l.text}
                  </li>
                ))}
                {model.dimensions[d].wentWell.length === 0 && <li className="empty">Nothing yet.</li>}
              </ul>
              <h4>To improve</h4>
              <ul>
                {model.dimensions[d].toImprove.map((l, i) => (
                  <li key={i} className={l.points < 0 ? 'loss' : 'zero'}>
                    <span className="points">{l.points > 0 ? `+${l.points}` : l.points}</span> {l.text}
                  </li>
                ))}
                {model.dimensions[d].toImprove.length === 0 && <li className="empty">Nothing to add.</li>}
              </ul>
            </section>
          ))}
        </div>
      </section>

      {credits.length > 0 && (
        <section className="panel" aria-label="Team">
          <h2>Team: {participants.join(', ')}</h2>
          <div className="credits">
            {credits.map((c) => (
              <section key={c.who} aria-label={`Decisions by ${c.who}`}>
                <h3>{c.who}</h3>
                <ul>
                  {c.decisions.map((d, i) => (
                    <li key={i}>
                      <time>{at(d.t)}</time> {d.text}
                    </li>
                  ))}
                  {c.decisions.length === 0 && <li className="empty">No decisions recorded for them.</li>}
                </ul>
              </section>
            ))}
          </div>
        </section>
      )}

      {notes.length > 0 && (
        <section className="panel" aria-label="Facilitator's notes">
          <h2>Facilitator's notes</h2>
          <ul>
            {notes.map((n, i) => (
              <li key={i}>
                <time>{at(n.t)}</time> {n.text}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="panel" aria-label="Timeline">
        <h2>Timeline: you and the expert</h2>
        <p className="chart-help">Each point is something that happened; hover it, or Tab to it, to read it. Minutes since the start.</p>
        <div className="chart" ref={timelineFigure} role="figure" aria-label="Timeline chart of your actions, the expert's reference, updates, escalations and scoring evidence">
          <TimelineChart rows={rows} clockStart={spec.clockStart} end={model.end} reference={model.reference} onFocusPoint={setFocused} />
        </div>
        <p className="chart-focus" role="status">
          {focused ? `${at(focused.t)} · ${focused.label}: ${focused.text}` : 'Tab to a point to read it here.'}
        </p>
        <h3>Priority in force vs expected</h3>
        <div className="chart" ref={priorityFigure} role="figure" aria-label="Priority chart: your priority against the expected priority over time">
          <ResponsiveContainer width="100%" height={220}>
            <LineChart data={model.priority.map((p) => ({ ...p, x: minutes(p.t) }))} margin={{ top: 10, right: 20, bottom: 20, left: 20 }} accessibilityLayer title="Priority over time: use the arrow keys to move from point to point">
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" dataKey="x" domain={[0, Math.ceil(minutes(model.end))]} />
              <YAxis reversed domain={[1, 4]} ticks={[1, 2, 3, 4]} tickFormatter={(v: number) => `P${v}`} />
              <Tooltip formatter={(v) => (typeof v === 'number' ? `P${v}` : 'not set')} labelFormatter={(x) => `+${String(x)} min`} />
              <Legend />
              <Line type="stepAfter" dataKey="expected" name="Expected" stroke="#2e7d32" strokeDasharray="6 3" dot={false} isAnimationActive={false} />
              <Line type="stepAfter" dataKey="yours" name="Yours" stroke="#2457c5" connectNulls={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      </section>

      <section className="panel side-by-side" aria-label="What an expert did and what you did">
        <div>
          <h2>What an expert did</h2>
          <ol>
            {model.reference.map((r, i) => (
              <li key={i}>
                <time>{at(r.t)}</time> {r.text}
              </li>
            ))}
          </ol>
        </div>
        <div>
          <h2>What you did</h2>
          <ol>
            {model.actions.map((a, i) => (
              <li key={i}>
                <time>{at(a.t)}</time> {a.text}
              </li>
            ))}
            {model.actions.length === 0 && <li className="empty">No actions.</li>}
          </ol>
        </div>
      </section>
    </main>
  );
}

function PointTooltip({ active, payload, clockStart }: { readonly active?: boolean; readonly payload?: readonly { readonly payload?: { t?: number; label?: string; text?: string } }[]; readonly clockStart: string }) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip">
      <strong>
        {clockTime(clockStart, point.t ?? 0)} · {point.label}
      </strong>
      <p>{point.text}</p>
    </div>
  );
}

type TimelineRows = Record<(typeof ROWS)[number], readonly DebriefPoint[]>;
type FocusedPoint = { t: number; label: string; text: string };
type ChartPoint = FocusedPoint & { x: number; row: (typeof ROWS)[number] };

/**
 * The timeline scatter chart. Memoized, with a stable point shape and data: focusing a point
 * updates the line under the chart, and re-rendering the chart then would remount its points
 * and drop the keyboard focus (Tab could not move from point to point).
 */
const TimelineChart = memo(function TimelineChart({ rows, clockStart, end, reference, onFocusPoint }: { readonly rows: TimelineRows; readonly clockStart: string; readonly end: number; readonly reference: readonly DebriefPoint[]; readonly onFocusPoint: (point: FocusedPoint | undefined) => void }) {
  const data = useMemo(() => Object.fromEntries(ROWS.map((row) => [row, rows[row].map((p) => ({ x: minutes(p.t), row, t: p.t, label: p.label, text: p.text }))])) as Record<(typeof ROWS)[number], ChartPoint[]>, [rows]);
  const shape = useCallback(
    (props: { cx?: number; cy?: number; payload?: ChartPoint }) => (
      // Each point takes keyboard focus and says what it is; focusing it shows its line below the chart.
      <g
        tabIndex={0}
        role="img"
        aria-label={`${clockTime(clockStart, props.payload?.t ?? 0)} ${props.payload?.label ?? ''}: ${props.payload?.text ?? ''}`}
        className="chart-point"
        onFocus={() => onFocusPoint(props.payload && { t: props.payload.t, label: props.payload.label, text: props.payload.text })}
        onBlur={() => onFocusPoint(undefined)}
      >
        <circle cx={props.cx} cy={props.cy} r={6} fill={COLOURS[props.payload?.row ?? 'You']} />
      </g>
    ),
    [clockStart, onFocusPoint],
  );
  return (
    <ResponsiveContainer width="100%" height={340}>
      {/* No accessibility layer: it would make the whole chart an unnamed Tab stop before the points, which take focus themselves. */}
      <ScatterChart margin={{ top: 10, right: 20, bottom: 20, left: 100 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" dataKey="x" name="Minutes" domain={[0, Math.ceil(minutes(Math.max(end, ...reference.map((r) => r.t))))]} label={{ value: 'minutes since start', position: 'insideBottom', offset: -10 }} />
        <YAxis type="category" dataKey="row" allowDuplicatedCategory={false} width={110} />
        <Tooltip cursor={{ strokeDasharray: '3 3' }} content={<PointTooltip clockStart={clockStart} />} />
        {ROWS.map((row) => (
          <Scatter key={row} name={row} data={data[row]} fill={COLOURS[row]} shape={shape} />
        ))}
      </ScatterChart>
    </ResponsiveContainer>
  );
});
