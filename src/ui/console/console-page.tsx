import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { TraineeAction } from '../../engine/actions.ts';
import { deriveView } from '../../engine/exercise-view.ts';
import type { ExerciseSession } from '../../store/exercise-session.ts';
import { nudges as nudgesFor } from '../../scoring/nudges.ts';
import { updateSchedule } from '../../scoring/update-cadence.ts';
import { incidentEnd } from '../../scoring/incident-timeline.ts';
import { navigate } from '../router.ts';
import { ErrorScreen, LibraryLink } from '../page-parts.tsx';
import { useMediaQuery } from '../use-media-query.ts';
import { useAttemptSession } from './use-attempt-session.ts';
import { useClock } from './use-clock.ts';
import { ClockPanel } from './clock-panel.tsx';
import { AlertsPanel, ReportsPanel } from './feed-panels.tsx';
import { HealthMap } from './health-map.tsx';
import { IncidentPanel } from './incident-panel.tsx';
import { ActionsPanel } from './actions-panel.tsx';
import { UpdatePanel } from './update-panel.tsx';
import { ActivityLog } from './activity-log.tsx';
import { RcaForm } from './rca-form.tsx';
import { RcaExercise } from './rca-exercise.tsx';
import { ScorecardView } from './scorecard-view.tsx';
import { PracticeAids } from './practice-aids.tsx';
import { describeEntry } from '../../engine/describe-entry.ts';
import { InterviewComplete } from '../interview/interview-complete.tsx';
import { useAttemptHost } from './use-attempt-host.ts';
import { ParticipantsContext } from './decided-by.tsx';
import { exportAttempt } from '../attempt-transfer.ts';
import { Announcer } from './announcer.tsx';

/** What a control gets back: done, refused with a reason, or not saved. */
export type ActOutcome = { readonly kind: 'done' } | { readonly kind: 'refused'; readonly reason: string } | { readonly kind: 'not-saved'; readonly message: string };
export type Act = (action: TraineeAction) => Promise<ActOutcome>;

export function ConsolePage({ attemptId }: { readonly attemptId: string }) {
  const { state, takeOver } = useAttemptSession(attemptId);
  if (state.kind === 'loading') return <main className="console-message">Opening the attempt…</main>;
  if (state.kind === 'error') return <ErrorScreen message={state.message} />;
  if (state.kind === 'elsewhere')
    return (
      <main className="console-message">
        <h1>This attempt is open in another tab</h1>
        <p>Only one tab can run an attempt at a time, so nothing is lost or written twice. Close the other tab, or take over here: the other tab will stop and this one will carry on from where it was.</p>
        <button type="button" className="primary" onClick={takeOver}>
          Take over here
        </button>{' '}
        <button type="button" onClick={() => navigate('/')}>
          Back to the library
        </button>
      </main>
    );
  return <Console session={state.session} warning={state.warning} />;
}

function Console({ session, warning }: { readonly session: ExerciseSession; readonly warning: string | undefined }) {
  const version = useSyncExternalStore(session.subscribe, session.getVersion);
  // The RCA exercise has no live incident: no clock to run.
  useClock(session.attempt.mode === 'rca' ? undefined : session);
  // This window is the attempt's only writer; a facilitator's or projector window follows it and asks it to act.
  useAttemptHost(session.attempt.mode === 'rca' || session.attempt.mode === 'interview' ? undefined : session);
  const { scenario } = session;
  const { spec } = scenario;
  const log = useMemo(() => session.log, [session, version]);
  const view = useMemo(() => deriveView(scenario, log, session.engine.now), [scenario, log, session, version]);
  const [feedback, setFeedback] = useState<string>('');
  const [showScore, setShowScore] = useState(false);
  const mode = session.attempt.mode;
  // Four columns when there is room; at 1280 the log joins the feeds so everything starts on screen.
  const wide = useMediaQuery('(min-width: 1501px)');

  useEffect(() => {
    document.title = `${spec.title} · Incident Drill`;
  }, [spec.title]);

  const act: Act = useCallback(
    async (action) => {
      const result = await session.act(action);
      if (!result.ok) {
        setFeedback(result.error.message);
        return { kind: 'not-saved', message: result.error.message };
      }
      if (result.entry.type === 'action.refused') {
        setFeedback(`Not done: ${result.entry.payload.reason}`);
        return { kind: 'refused', reason: result.entry.payload.reason };
      }
      setFeedback(`Saved: ${describeEntry(scenario, result.entry, session.log).text}`);
      return { kind: 'done' };
    },
    [session, scenario],
  );

  const end = incidentEnd(scenario, log);
  // Interview: no countdown to the next update (it comes from the answer key's cadence).
  const nextUpdateDue = useMemo(() => (mode !== 'interview' && view.resolvedAt === undefined && !view.ended ? updateSchedule(scenario, log, view.t).nextDue : undefined), [mode, scenario, log, view]);
  const nudges = useMemo(() => (mode === 'practice' ? nudgesFor(scenario, log, view) : []), [mode, scenario, log, view]);
  const closed = view.resolvedAt !== undefined || view.ended;
  const scored = view.rca !== undefined;

  return (
    <ParticipantsContext.Provider value={mode === 'tabletop' ? (session.attempt.participants ?? []) : undefined}>
    <div className="console">
      <header className="console-header">
        <div>
          <LibraryLink onBeforeLeave={() => session.setPaused(true)} />
          {(mode === 'practice' || mode === 'tabletop') && (
            // On the Library link's line, so the header does not grow.
            <span className="window-buttons">
              <button type="button" className="linklike" onClick={() => window.open(`/facilitate/${session.attempt.id}`, `facilitate-${session.attempt.id}`, 'popup,width=1280,height=900')}>
                Open facilitator window
              </button>
              {mode === 'tabletop' && (
                <button type="button" className="linklike" onClick={() => window.open(`/project/${session.attempt.id}`, `project-${session.attempt.id}`, 'popup,width=1280,height=800')}>
                  Open projector view
                </button>
              )}
            </span>
          )}
          <h1>{spec.title}</h1>
          <p className="console-sub">
            {mode === 'practice' ? 'Practice' : mode === 'interview' ? 'Interview' : mode === 'rca' ? 'RCA exercise' : 'Tabletop'}{mode === 'rca' ? '' : ' · situation: '}{mode === 'rca' ? null : <strong>{view.phaseTitle}</strong>}
          </p>
        </div>
        {mode !== 'rca' && <ClockPanel session={session} view={view} end={end} />}
      </header>

      {warning && (
        <p className="banner banner-warning" role="status">
          {warning}
        </p>
      )}
      {session.error && (
        <p className="banner banner-error" role="alert">
          {session.error.message}
        </p>
      )}
      {session.error && session.error.kind !== 'unavailable' && mode !== 'interview' && (
        // Everything up to the failed write is stored; a file copy keeps it safe whatever happens to this browser's storage.
        <p className="banner banner-warning">
          Everything before this is saved.{' '}
          <button type="button" onClick={() => void exportAttempt(session.attempt.id).then((message) => message && setFeedback(message))}>
            Export attempt
          </button>{' '}
          keeps a copy as a file (import it from the library in any browser).
        </p>
      )}
      {session.lost && !session.error && (
        <p className="banner banner-error" role="alert">
          This attempt was opened in another tab, which now has control. Nothing more is saved from here.
        </p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {feedback}
      </p>
      {mode !== 'rca' && <Announcer scenario={scenario} log={log} view={view} overdue={mode !== 'interview' && !closed} />}
      {mode === 'practice' && !closed && <PracticeAids scenario={scenario} view={view} nudges={nudges} act={act} />}

      {mode === 'rca' ? (
        <RcaExercise session={session} view={view} log={log} act={act} />
      ) : mode === 'interview' && (scored || showScore) ? (
        <InterviewComplete session={session} log={log} />
      ) : scored || showScore ? (
        <ScorecardView session={session} log={log} />
      ) : closed ? (
        <div className="console-grid console-grid-closed">
          <RcaForm attemptId={session.attempt.id} act={act} view={view} onSubmitted={() => setShowScore(true)} scenarioTitle={spec.title} />
          <div className="col">
            <UpdatePanel attemptId={session.attempt.id} clockStart={spec.clockStart} view={view} act={act} nextUpdateDue={undefined} showDue={mode !== 'interview'} />
            <ActivityLog scenario={scenario} log={log} tabletop={session.attempt.mode === 'tabletop'} />
          </div>
        </div>
      ) : (
        <div className={wide ? 'console-grid' : 'console-grid console-grid-3'}>
          <div className="col feeds">
            <AlertsPanel scenario={scenario} view={view} act={act} />
            <ReportsPanel scenario={scenario} view={view} />
            {!wide && <ActivityLog scenario={scenario} log={log} tabletop={session.attempt.mode === 'tabletop'} />}
          </div>
          <div className="col situation">
            <HealthMap scenario={scenario} view={view} />
            <IncidentPanel view={view} act={act} />
          </div>
          <div className="col work">
            <UpdatePanel attemptId={session.attempt.id} clockStart={spec.clockStart} view={view} act={act} nextUpdateDue={nextUpdateDue} showDue={mode !== 'interview'} />
            <ActionsPanel scenario={scenario} view={view} act={act} />
          </div>
          {wide && (
            <div className="col log">
              <ActivityLog scenario={scenario} log={log} tabletop={session.attempt.mode === 'tabletop'} />
            </div>
          )}
        </div>
      )}
    </div>
    </ParticipantsContext.Provider>
  );
}
