import { DIMENSION_LABEL } from '../../scoring/scorecard.ts';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { adjustmentProblem, nextAdhocId } from '../../engine/facilitator.ts';
import type { LoadedScenario } from '../../scenario/loader.ts';
import type { LogEntry } from '../../engine/attempt-log.ts';
import { deriveView, type ExerciseView } from '../../engine/exercise-view.ts';
import { actorLabel, describeEntry } from '../../engine/describe-entry.ts';
import type { FacilitatorCommand } from '../../engine/facilitator.ts';
import type { Mode } from '../../engine/check-action.ts';
import { ALERT_LEVELS } from '../../scenario/schema.ts';
import { clockTime, formatDuration, offsetOfClockTime, simMs, spokenDuration } from '../../scenario/duration.ts';
import { score } from '../../scoring/score.ts';
import { answerKey } from '../../scoring/answer-key.ts';
import { DIMENSIONS, type Dimension } from '../../scoring/scorecard.ts';
import { request, type AttemptChannel, type ChannelCommand, type SessionState } from '../attempt-channel.ts';
import { useLiveAttempt, type Link } from '../use-live-attempt.ts';
import { ErrorScreen } from '../page-parts.tsx';
import { SelectField } from '../select-field.tsx';
import { SPEEDS } from '../console/labels.ts';

type Send = (command: ChannelCommand) => Promise<{ ok: boolean; reason?: string }>;

/** `/facilitate/<attemptId>`: the facilitator's window beside the trainee's. Reads the attempt live; writes only through the trainee's window. */
export function FacilitatePage({ attemptId }: { readonly attemptId: string }) {
  const live = useLiveAttempt(attemptId);
  if (live.kind === 'loading') return <main className="console-message">Opening the facilitator console…</main>;
  if (live.kind === 'error') return <ErrorScreen message={live.message} />;
  if (live.attempt.mode === 'interview' || live.attempt.mode === 'rca') return <ErrorScreen message={`The facilitator console is not available for ${live.attempt.mode === 'rca' ? 'an RCA exercise' : 'an interview'}.`} />;
  return <Facilitator scenario={live.scenario} log={live.log} state={live.state} link={live.link} channel={live.channel} mode={live.attempt.mode} participants={live.attempt.participants ?? []} />;
}

function Facilitator({ scenario, log, state, link, channel, mode, participants }: { readonly scenario: LoadedScenario; readonly log: readonly LogEntry[]; readonly state: SessionState; readonly link: Link; readonly channel: AttemptChannel; readonly mode: Mode; readonly participants: readonly string[] }) {
  const { spec } = scenario;
  const view = useMemo(() => deriveView(scenario, log, simMs(state.simTime)), [scenario, log, state.simTime]);
  const card = useMemo(() => score(scenario, log, mode), [scenario, log, mode]);
  const closed = view.resolvedAt !== undefined || view.ended;
  const key = useMemo(() => answerKey(scenario, log, view.t, closed), [scenario, log, view.t, closed]);
  const gone = link === 'closed';
  const send: Send = (command) => (gone ? Promise.resolve({ ok: false, reason: "The trainee's window is closed." }) : request(channel, command));
  const at = (t: number) => clockTime(spec.clockStart, t);

  useEffect(() => {
    document.title = `Facilitator: ${spec.title} · Incident Drill`;
  }, [spec.title]);

  return (
    <div className="console facilitator">
      <header className="console-header">
        <div>
          <h1>Facilitator: {spec.title}</h1>
          <p className="console-sub">
            {mode === 'tabletop' ? `Tabletop${participants.length ? ` · team: ${participants.join(', ')}` : ''}` : 'Practice'} · situation: <strong>{view.phaseTitle}</strong>
          </p>
        </div>
        <p className="facilitator-clock">
          <span className="clock-now">{at(view.t)}</span> <span>+{formatDuration(Math.floor(view.t / 1000) * 1000)} of {spec.duration}</span> <span>{closed ? (view.resolvedAt !== undefined ? 'Resolved' : 'Time is up') : state.paused ? 'Paused' : `Running at ${state.speed}×`}</span>
        </p>
      </header>
      {link === 'waiting' && (
        <p className="banner banner-warning" role="status">
          Waiting for the trainee's window…
        </p>
      )}
      {gone && (
        <p className="banner banner-error" role="alert">
          The trainee's window is closed (or has moved on to the debrief). Open the attempt again from the library to carry on; the commands come back when it is open.
        </p>
      )}
      <div className="facilitator-grid">
        <div className="col">
          <ClockControl state={state} view={view} closed={closed} disabled={gone} send={send} clockStart={spec.clockStart} />
          <InjectForm scenario={scenario} log={log} view={view} disabled={gone} send={send} />
          <NotesForm scenario={scenario} log={log} disabled={gone} send={send} />
          <AdjustForm scenario={scenario} log={log} disabled={gone} send={send} />
        </div>
        <div className="col">
          <section className="panel" aria-label="Answer key">
            <h2>Answer key</h2>
            <dl className="key">
              <dt>Expected priority now</dt>
              <dd>
                <strong>{key.expectedLevel ?? 'none yet'}</strong> · theirs: {view.priority?.level ?? 'not set'}
                {key.expectedWhy && <span className="why">{key.expectedWhy}</span>}
              </dd>
              {key.majorIncidentBy !== undefined && (
                <>
                  <dt>Major incident</dt>
                  <dd>expected by {at(key.majorIncidentBy)}; not declared yet</dd>
                </>
              )}
              <dt>Escalations pending</dt>
              <dd>
                {key.pendingEscalations.length === 0 ? (
                  'none'
                ) : (
                  <ul>
                    {key.pendingEscalations.map((e) => (
                      <li key={e.to}>
                        {e.name}: due {at(e.by)}
                        {e.by < view.t ? ' (overdue)' : ''}
                        {e.optional ? ' (optional)' : ''}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
              <dt>Next update due</dt>
              <dd>{key.nextUpdateDue === undefined ? 'none: the incident is closed' : `${at(key.nextUpdateDue)}${key.nextUpdateDue <= view.t ? ' (due now)' : `, in ${spokenDuration(key.nextUpdateDue - view.t)}`}`}</dd>
              <dt>Expert's next step</dt>
              <dd>{key.nextStep ? `Around ${at(key.nextStep.at)}: ${key.nextStep.action}` : 'none'}</dd>
            </dl>
          </section>
          <section className="panel" aria-label="Live score">
            <h2>
              Live score: total <strong>{card.total}</strong>/100
            </h2>
            <table className="live-score">
              <thead>
                <tr>
                  <th scope="col">Dimension</th>
                  <th scope="col">Rubric</th>
                  <th scope="col">Adjust</th>
                  <th scope="col">Score</th>
                </tr>
              </thead>
              <tbody>
                {DIMENSIONS.map((d) => {
                  const dim = card.dimensions[d];
                  const sum = dim.adjustments.reduce((acc, a) => acc + a.points, 0);
                  return (
                    <tr key={d}>
                      <th scope="row">{DIMENSION_LABEL[d]}</th>
                      <td>{dim.automatic}</td>
                      <td>{dim.adjustments.length === 0 ? '–' : `${sum > 0 ? '+' : ''}${sum}`}</td>
                      <td>{dim.score}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        </div>
        <div className="col">
          <section className="panel activity" aria-label="Activity log">
            <h2>Activity log</h2>
            <ol reversed>
              {[...log].reverse().map((entry) => {
                const { who, text } = describeEntry(scenario, entry, log);
                return (
                  <li key={entry.seq} className={`entry entry-${who}${entry.type === 'action.refused' ? ' entry-refused' : ''}`}>
                    <time>{at(entry.t)}</time> <span className="who">{actorLabel(entry, who, { own: false, tabletop: mode === 'tabletop' })}</span> <span className="text">{text}</span>
                  </li>
                );
              })}
            </ol>
          </section>
        </div>
      </div>
    </div>
  );
}

/** The result line under a form: what was done, or why not. */
function Outcome({ message }: { readonly message: { ok: boolean; text: string } | undefined }) {
  if (!message) return null;
  return message.ok ? (
    <p className="done" role="status">
      {message.text}
    </p>
  ) : (
    <p className="refusal" role="alert">
      {message.text}
    </p>
  );
}

function useOutcome() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const report = (result: { ok: boolean; reason?: string }, done: string) => setMessage(result.ok ? { ok: true, text: done } : { ok: false, text: result.reason ?? 'Not done.' });
  return { message, setMessage, report };
}

function ClockControl({ state, view, closed, disabled, send, clockStart }: { readonly state: SessionState; readonly view: ExerciseView; readonly closed: boolean; readonly disabled: boolean; readonly send: Send; readonly clockStart: string }) {
  const { message, setMessage, report } = useOutcome();
  const [target, setTarget] = useState('');
  // The speed chosen shows at once; it reverts if the trainee's window refuses it.
  const [pendingSpeed, setPendingSpeed] = useState<number | undefined>();
  const off = disabled || closed;
  return (
    <section className="panel" aria-label="Clock control">
      <h2>Clock control</h2>
      <p>
        Trainee's clock: <strong>{clockTime(clockStart, view.t)}</strong> ({state.paused || closed ? 'paused' : `running at ${state.speed}×`})
      </p>
      <div className="buttons">
        <button type="button" disabled={off} onClick={async () => report(await send({ type: state.paused ? 'resume' : 'pause' }), state.paused ? 'Resumed.' : 'Paused.')}>
          {state.paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" disabled={off} onClick={async () => report(await send({ type: 'jump-next' }), 'Jumped to the next inject.')}>
          Jump to next inject
        </button>
      </div>
      <fieldset className="speed" disabled={off}>
        <legend>Speed</legend>
        {SPEEDS.map((speed) => (
          <label key={speed}>
            <input
              type="radio"
              name="facilitator-speed"
              value={speed}
              checked={(pendingSpeed ?? state.speed) === speed}
              onChange={async () => {
                setPendingSpeed(speed);
                report(await send({ type: 'speed', speed }), `Speed ${speed}×.`);
                setPendingSpeed(undefined);
              }}
            />
            {speed}×
          </label>
        ))}
      </fieldset>
      <form
        className="jump"
        onSubmit={async (e) => {
          e.preventDefault();
          const t = offsetOfClockTime(clockStart, target);
          if (t === undefined) return setMessage({ ok: false, text: 'Give the clock time as HH:MM, e.g. 10:05.' });
          report(await send({ type: 'jump-to', t }), `Jumped to ${clockTime(clockStart, t)}.`);
        }}
      >
        <label>
          Jump to clock time <input value={target} onChange={(e) => setTarget(e.target.value)} placeholder="HH:MM" size={6} disabled={off} />
        </label>{' '}
        <button type="submit" disabled={off}>
          Jump
        </button>
      </form>
      <Outcome message={message} />
    </section>
  );
}

type InjectKind = 'alert' | 'report' | 'stakeholder';

function InjectForm({ scenario, log, view, disabled, send }: { readonly scenario: LoadedScenario; readonly log: readonly LogEntry[]; readonly view: ExerciseView; readonly disabled: boolean; readonly send: Send }) {
  const { spec } = scenario;
  const { message, setMessage, report } = useOutcome();
  const [kind, setKind] = useState<InjectKind>('stakeholder');
  const [service, setService] = useState(spec.services[0]?.id ?? '');
  const [level, setLevel] = useState<(typeof ALERT_LEVELS)[number]>('warning');
  const [text, setText] = useState('');
  const [from, setFrom] = useState('');
  const [when, setWhen] = useState<'now' | 'at'>('now');
  const [at, setAt] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (text.trim() === '') return setMessage({ ok: false, text: 'Write what the inject says.' });
    let arriveAt: number | undefined;
    if (when === 'at') {
      arriveAt = offsetOfClockTime(spec.clockStart, at);
      if (arriveAt === undefined) return setMessage({ ok: false, text: 'Give the arrival time as HH:MM, e.g. 10:05.' });
    }
    const id = nextAdhocId(scenario, log);
    const source = from.trim();
    const command: FacilitatorCommand =
      kind === 'alert'
        ? { type: 'facilitator.inject', alert: { id, service, level, source: source || 'Facilitator', text: text.trim() } }
        : { type: 'facilitator.inject', report: { id, from: source || (kind === 'stakeholder' ? 'A stakeholder' : 'A user'), channel: kind === 'stakeholder' ? 'phone' : 'ticket', text: text.trim() } };
    const result = await send({ type: 'facilitate', command, ...(arriveAt !== undefined ? { arriveAt } : {}) });
    report(result, arriveAt !== undefined ? `Scheduled for ${at}.` : 'Sent.');
    if (result.ok) {
      setText('');
      setFrom('');
    }
  }

  return (
    <section className="panel" aria-label="Ad-hoc inject">
      <h2>Ad-hoc inject</h2>
      <form onSubmit={(e) => void submit(e)} className="stack">
        <SelectField<InjectKind>
          label="Kind"
          value={kind}
          onChange={setKind}
          options={[
            { value: 'alert', label: 'Alert' },
            { value: 'report', label: 'User report' },
            { value: 'stakeholder', label: 'Stakeholder message' },
          ]}
        />
        {kind === 'alert' && (
          <>
            <SelectField label="Service" value={service} onChange={setService} options={spec.services.map((s) => ({ value: s.id, label: s.name }))} />
            <SelectField label="Level" value={level} onChange={setLevel} options={ALERT_LEVELS.map((l) => ({ value: l, label: l }))} />
          </>
        )}
        <label className="block">
          {kind === 'alert' ? 'Source' : 'From'} <input value={from} onChange={(e) => setFrom(e.target.value)} placeholder={kind === 'alert' ? 'Monitoring' : kind === 'stakeholder' ? 'The CFO' : 'A user'} />
        </label>
        <label className="block">
          Inject text
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} placeholder="The CFO calls: payroll run at 11:00 — will it work?" />
        </label>
        <fieldset>
          <legend>When</legend>
          <label>
            <input type="radio" name="inject-when" checked={when === 'now'} onChange={() => setWhen('now')} /> Now
          </label>{' '}
          <label>
            <input type="radio" name="inject-when" checked={when === 'at'} onChange={() => setWhen('at')} /> At clock time
          </label>{' '}
          {when === 'at' && (
            <label>
              Arrival time <input value={at} onChange={(e) => setAt(e.target.value)} placeholder="HH:MM" size={6} />
            </label>
          )}
        </fieldset>
        <button type="submit" className="primary" disabled={disabled}>
          Send inject
        </button>
      </form>
      <Outcome message={message} />
    </section>
  );
}

function NotesForm({ scenario, log, disabled, send }: { readonly scenario: LoadedScenario; readonly log: readonly LogEntry[]; readonly disabled: boolean; readonly send: Send }) {
  const { message, setMessage, report } = useOutcome();
  const [text, setText] = useState('');
  const notes = log.flatMap((e) => (e.type === 'facilitator.note' && 'text' in e.payload ? [{ seq: e.seq, t: e.t, text: e.payload.text }] : []));
  return (
    <section className="panel" aria-label="Notes">
      <h2>Notes</h2>
      <form
        className="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          if (text.trim() === '') return setMessage({ ok: false, text: 'Write the note first.' });
          const result = await send({ type: 'facilitate', command: { type: 'facilitator.note', text: text.trim() } });
          report(result, 'Note added.');
          if (result.ok) setText('');
        }}
      >
        <label className="block">
          Note
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={2} placeholder="What you saw, for the debrief" />
        </label>
        <button type="submit" disabled={disabled}>
          Add note
        </button>
      </form>
      <Outcome message={message} />
      <ul className="notes">
        {notes.map((n) => (
          <li key={n.seq}>
            <time>{clockTime(scenario.spec.clockStart, n.t)}</time> {n.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AdjustForm({ scenario, log, disabled, send }: { readonly scenario: LoadedScenario; readonly log: readonly LogEntry[]; readonly disabled: boolean; readonly send: Send }) {
  const { message, setMessage, report } = useOutcome();
  const [dimension, setDimension] = useState<Dimension>('communication');
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const adjustments = log.flatMap((e) => (e.type === 'facilitator.adjust' && 'dimension' in e.payload ? [{ seq: e.seq, t: e.t, ...e.payload }] : []));
  return (
    <section className="panel" aria-label="Score adjustments">
      <h2>Score adjustments</h2>
      <form
        className="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          const n = points.trim() === '' ? Number.NaN : Number(points);
          const problem = adjustmentProblem({ dimension, points: n, reason });
          if (problem) return setMessage({ ok: false, text: problem });
          const result = await send({ type: 'facilitate', command: { type: 'facilitator.adjust', dimension, points: n, reason: reason.trim() } });
          report(result, `${DIMENSION_LABEL[dimension]} adjusted by ${n > 0 ? '+' : ''}${n}.`);
          if (result.ok) {
            setPoints('');
            setReason('');
          }
        }}
      >
        <SelectField<Dimension> label="Dimension" value={dimension} onChange={setDimension} options={DIMENSIONS.map((d) => ({ value: d, label: DIMENSION_LABEL[d] }))} />
        <label>
          Points <input type="number" min={-100} max={100} step={1} value={points} onChange={(e) => setPoints(e.target.value)} />
        </label>
        <label className="block">
          Reason (required)
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} placeholder="Why the rubric missed this" />
        </label>
        <button type="submit" disabled={disabled}>
          Adjust score
        </button>
      </form>
      <Outcome message={message} />
      <ul className="adjustments">
        {adjustments.map((a) => (
          <li key={a.seq}>
            <time>{clockTime(scenario.spec.clockStart, a.t)}</time> {DIMENSION_LABEL[a.dimension]} {a.points > 0 ? `+${a.points}` : a.points}: {a.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
