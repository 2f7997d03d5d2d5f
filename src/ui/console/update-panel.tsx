import { useState } from 'react';
import type { ExerciseView } from '../../engine/exercise-view.ts';
import { AUDIENCES, type Audience } from '../../scenario/triggers.ts';
import { clockTime, spokenDuration } from '../../scenario/duration.ts';
import type { Act } from './console-page.tsx';
import { AUDIENCE_LABEL } from '../../scenario/triggers.ts';
import { SelectField } from '../select-field.tsx';
import { useDraft } from '../use-draft.ts';
import { useDecidedBy } from './decided-by.tsx';

/** Status updates, with the countdown to the next one due; still open after resolve, for the resolution notice. */
export function UpdatePanel({ attemptId, clockStart, view, act, nextUpdateDue, showDue = true }: { readonly attemptId: string; readonly clockStart: string; readonly view: ExerciseView; readonly act: Act; readonly nextUpdateDue: number | undefined; /** False in an interview: no countdown from the answer key. */ readonly showDue?: boolean }) {
  const [audience, setAudience] = useState<Audience>('stakeholders');
  const draft = useDraft<string>(`${attemptId}:update`, '', (v): v is string => typeof v === 'string');
  const text = draft.value;
  const setText = draft.set;
  const [message, setMessage] = useState('');
  const decided = useDecidedBy();
  const at = (t: number) => clockTime(clockStart, t);
  const closed = view.resolvedAt !== undefined || view.ended;
  return (
    <section className="panel update" aria-label="Post update">
      <h2>Post update</h2>
      <p className="due">
        {!showDue
          ? closed
            ? 'The incident is closed.'
            : 'Post updates when you judge they are needed.'
          : closed
          ? 'The incident is closed: tell people service is restored and what, if anything, they need to do.'
          : nextUpdateDue === undefined
            ? 'No further updates due.'
            : nextUpdateDue <= view.t
              ? `Next update is due now (${at(nextUpdateDue)}).`
              : `Next update due at ${at(nextUpdateDue)}, in ${spokenDuration(nextUpdateDue - view.t)}.`}
      </p>
      {decided.field}
      <SelectField<Audience> label="Audience" value={audience} onChange={setAudience} options={AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_LABEL[a] }))} />
      <label className="block">
        Update text
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={4} placeholder="Impact, what we know, what we are doing, workaround, next update time" />
      </label>
      <button
        type="button"
        className="primary"
        disabled={text.trim() === ''}
        onClick={async () => {
          const outcome = await act(decided.withBy({ type: 'update.post', audience, text: text.trim() }));
          setMessage(outcome.kind === 'done' ? '' : outcome.kind === 'refused' ? outcome.reason : outcome.message);
          if (outcome.kind === 'done') {
            setText('');
            draft.clear();
          }
        }}
      >
        Post update
      </button>
      <p className="draft-state" role="status">
        {draft.saved && text.trim() !== '' ? 'Draft saved' : ''}
      </p>
      {view.updates.length > 0 && (
        <p className="sent">
          Last update: {at(view.updates.at(-1)?.t ?? 0)} to {AUDIENCE_LABEL[view.updates.at(-1)?.action.audience ?? 'stakeholders']} ({view.updates.length} sent)
        </p>
      )}
      {message && (
        <p className="refusal" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}
