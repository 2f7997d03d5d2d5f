import { useState } from 'react';
import type { LoadedScenario } from '../../scenario/loader.ts';
import type { ExerciseView } from '../../engine/exercise-view.ts';
import type { Nudge } from '../../scoring/nudges.ts';
import { nextHint, type Hint } from '../../engine/hints.ts';
import { clockTime } from '../../scenario/duration.ts';
import type { Act } from './console-page.tsx';

/** Practice mode only: live reminders that do not block, and a hint on request (logged). */
export function PracticeAids({ scenario, view, nudges, act }: { readonly scenario: LoadedScenario; readonly view: ExerciseView; readonly nudges: readonly Nudge[]; readonly act: Act }) {
  const [hint, setHint] = useState<Hint | undefined>();
  return (
    <aside className="practice" aria-label="Practice aids">
      {nudges.map((n) => (
        <p key={n.kind + n.text} className="nudge" role="status">
          {n.text}
        </p>
      ))}
      <button
        type="button"
        onClick={async () => {
          const outcome = await act({ type: 'hint.take' });
          if (outcome.kind === 'done') setHint(nextHint(scenario, view.t));
        }}
      >
        Hint
      </button>
      {hint && (
        <p className="hint" role="status">
          Around {clockTime(scenario.spec.clockStart, hint.at)}, an expert would: {hint.action} <em>Why: {hint.why}</em>
        </p>
      )}
    </aside>
  );
}
