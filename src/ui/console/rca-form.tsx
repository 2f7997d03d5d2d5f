import { useEffect, useRef, useState } from 'react';
import type { ExerciseView } from '../../engine/exercise-view.ts';
import type { RcaAction } from '../../engine/actions.ts';
import type { Act } from './console-page.tsx';
import { useDraft } from '../use-draft.ts';
import { SelectField } from '../select-field.tsx';

const emptyAction = (): RcaAction => ({ kind: 'corrective', text: '', owner: '', due: '', measure: '' });

/** The root-cause analysis, written once the incident is resolved (or time is up). */
interface RcaDraft {
  readonly proximateCause: string;
  readonly rootCause: string;
  readonly factors: readonly string[];
  readonly actions: readonly RcaAction[];
}

const isText = (v: unknown): v is string => typeof v === 'string';
function isRcaDraft(value: unknown): value is RcaDraft {
  if (value === null || typeof value !== 'object') return false;
  const d = value as Record<string, unknown>;
  return isText(d['proximateCause']) && isText(d['rootCause']) && Array.isArray(d['factors']) && d['factors'].every(isText) && Array.isArray(d['actions']) && d['actions'].every((a) => a !== null && typeof a === 'object' && ['text', 'owner', 'due', 'measure'].every((k) => isText((a as Record<string, unknown>)[k])) && ((a as Record<string, unknown>)['kind'] === 'corrective' || (a as Record<string, unknown>)['kind'] === 'preventive'));
}

export function RcaForm({ attemptId, act, view, onSubmitted, scenarioTitle }: { readonly attemptId: string; readonly act: Act; readonly view: ExerciseView; readonly onSubmitted: () => void; readonly scenarioTitle: string }) {
  // Every field is saved as you type, so a reload or a closed tab loses nothing.
  const draft = useDraft<RcaDraft>(`${attemptId}:rca`, { proximateCause: '', rootCause: '', factors: [''], actions: [emptyAction()] }, isRcaDraft);
  const { proximateCause, rootCause, factors, actions } = draft.value;
  const setProximate = (proximateCause: string) => draft.set((d) => ({ ...d, proximateCause }));
  const setRoot = (rootCause: string) => draft.set((d) => ({ ...d, rootCause }));
  const setFactors = (f: (list: readonly string[]) => readonly string[]) => draft.set((d) => ({ ...d, factors: f(d.factors) }));
  const setActions = (f: (list: readonly RcaAction[]) => readonly RcaAction[]) => draft.set((d) => ({ ...d, actions: f(d.actions) }));
  const [message, setMessage] = useState('');
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // The Resolve button that brought the trainee here is gone: put keyboard focus on the form.
  useEffect(() => heading.current?.focus(), []);

  const setAction = (index: number, patch: Partial<RcaAction>) => setActions((list) => list.map((a, i) => (i === index ? { ...a, ...patch } : a)));

  async function submit() {
    setSaving(true);
    const outcome = await act({
      type: 'rca.submit',
      rca: { proximateCause: proximateCause.trim(), rootCause: rootCause.trim(), contributingFactors: factors.map((f) => f.trim()).filter(Boolean), actions: actions.filter((a) => a.text.trim() !== '') },
    });
    setSaving(false);
    if (outcome.kind === 'done') {
      draft.clear();
      onSubmitted();
    }
    else setMessage(outcome.kind === 'refused' ? outcome.reason : outcome.message);
  }

  return (
    <section className="panel rca" aria-label="Root-cause analysis">
      <h2 ref={heading} tabIndex={-1}>
        Root-cause analysis
      </h2>
      <p>{view.resolvedAt === undefined && !view.ended ? `The incident is over. Read the incident record and write the RCA for “${scenarioTitle}”: what broke, why it was possible, and what changes so it does not happen again.` : view.resolvedAt !== undefined ? `The incident is resolved. Write the RCA for “${scenarioTitle}”: what broke, why it was possible, and what changes so it does not happen again.` : 'Time is up. Write the RCA with what you know.'}</p>
      <label className="block">
        Proximate cause (what directly failed)
        <textarea value={proximateCause} onChange={(e) => setProximate(e.target.value)} rows={2} />
      </label>
      <label className="block">
        Root cause (why it was possible; the deepest cause your organisation controls)
        <textarea value={rootCause} onChange={(e) => setRoot(e.target.value)} rows={3} />
      </label>
      <fieldset>
        <legend>Contributing factors</legend>
        {factors.map((f, i) => (
          <label key={i} className="block">
            Contributing factor {i + 1}
            <input value={f} onChange={(e) => setFactors((list) => list.map((x, j) => (j === i ? e.target.value : x)))} />
          </label>
        ))}
        <button type="button" onClick={() => setFactors((list) => [...list, ''])}>
          Add contributing factor
        </button>
      </fieldset>
      <fieldset>
        <legend>Actions</legend>
        {actions.map((a, i) => (
          <fieldset key={i} className="rca-action">
            <legend>Action {i + 1}</legend>
            <SelectField<RcaAction['kind']> label="Kind" value={a.kind} onChange={(kind) => setAction(i, { kind })} options={[{ value: 'corrective', label: 'corrective' }, { value: 'preventive', label: 'preventive' }]} />
            <label className="block">
              Action {i + 1} text
              <input value={a.text} onChange={(e) => setAction(i, { text: e.target.value })} placeholder="Which system or process changes, and how" />
            </label>
            <label>
              Owner <input value={a.owner} onChange={(e) => setAction(i, { owner: e.target.value })} placeholder="Team or role" />
            </label>
            <label>
              Due <input type="date" value={a.due} onChange={(e) => setAction(i, { due: e.target.value })} />
            </label>
            <label className="block">
              Measure of success <input value={a.measure} onChange={(e) => setAction(i, { measure: e.target.value })} placeholder="How you will know it worked" />
            </label>
          </fieldset>
        ))}
        <button type="button" onClick={() => setActions((list) => [...list, emptyAction()])}>
          Add action
        </button>
      </fieldset>
      <button type="button" className="primary" disabled={saving} onClick={() => void submit()}>
        Submit RCA
      </button>
      {message && (
        <p className="refusal" role="alert">
          {message}
        </p>
      )}
      <p className="draft-state" role="status">
        {draft.saved ? 'Draft saved' : ''}
      </p>
      {draft.saveError && (
        <p className="refusal" role="alert">
          Your RCA draft could not be saved in this browser ({draft.saveError}); keep this tab open until you submit.
        </p>
      )}
    </section>
  );
}
