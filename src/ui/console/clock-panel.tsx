import type { ExerciseSession } from '../../store/exercise-session.ts';
import type { ExerciseView } from '../../engine/exercise-view.ts';
import { clockTime, formatDuration } from '../../scenario/duration.ts';
import { SPEEDS } from './labels.ts';

export function ClockPanel({ session, view, end }: { readonly session: ExerciseSession; readonly view: ExerciseView; readonly end: number }) {
  const { spec } = session.scenario;
  const running = !session.paused;
  const finished = view.ended || view.resolvedAt !== undefined;
  const elapsed = Math.floor(view.t / 1000) * 1000;
  return (
    <section className="clock" aria-label="Simulated clock">
      <div className="clock-time">
        <span className="clock-now" role="timer" aria-label="Time of day">
          {clockTime(spec.clockStart, view.t)}
        </span>
        <span className="clock-elapsed">
          <span className="visually-hidden">Elapsed </span>+{formatDuration(elapsed)} of {spec.duration}
        </span>
      </div>
      <button type="button" className={running ? '' : 'primary'} onClick={() => void session.setPaused(running)} disabled={finished || session.lost}>
        {running ? 'Pause' : 'Resume'}
      </button>
      <fieldset className="speed">
        <legend>Speed</legend>
        {SPEEDS.map((speed) => (
          <label key={speed}>
            <input type="radio" name="speed" value={speed} checked={session.speed === speed} onChange={() => void session.setSpeed(speed)} />
            {speed}×
          </label>
        ))}
      </fieldset>
      {!running && !finished && <span className="clock-state">Paused</span>}
      {finished && end > 0 && <span className="clock-state">{view.resolvedAt !== undefined ? 'Resolved' : 'Time is up'}</span>}
    </section>
  );
}
