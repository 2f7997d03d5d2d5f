import { useRef, useState } from 'react';
import type { LoadedScenario } from '../../scenario/loader.ts';
import type { ExerciseView } from '../../engine/exercise-view.ts';
import { clockTime } from '../../scenario/duration.ts';
import type { Act } from './console-page.tsx';
import { EvidenceViewer } from './evidence-viewer.tsx';
import { SelectField } from '../select-field.tsx';
import { useDecidedBy } from './decided-by.tsx';

interface Props {
  readonly scenario: LoadedScenario;
  readonly view: ExerciseView;
  readonly act: Act;
}

/** The coordinator's moves: evidence, escalation, mitigations, changes, resolve. */
export function ActionsPanel({ scenario, view, act }: Props) {
  const { spec } = scenario;
  const targets = [...spec.teams.map((t) => ({ id: t.id, name: t.name })), ...(spec.vendors ?? []).map((v) => ({ id: v.id, name: `${v.name} (vendor)` }))];
  const arrived = view.evidence.filter((e) => e.arrivedAt !== undefined);
  const [viewing, setViewing] = useState<string | undefined>();
  const [to, setTo] = useState(targets[0]?.id ?? '');
  const [note, setNote] = useState('');
  const [attach, setAttach] = useState<string[]>([]);
  const [mitigation, setMitigation] = useState(Object.keys(spec.mitigations)[0] ?? '');
  const [change, setChange] = useState(spec.changes?.[0]?.id ?? '');
  const [summary, setSummary] = useState('');
  const [messages, setMessages] = useState<Record<string, string>>({});
  const opener = useRef<HTMLElement | null>(null);
  const at = (t: number) => clockTime(spec.clockStart, t);
  const evidenceBy = useDecidedBy();
  const escalateBy = useDecidedBy();
  const mitigationBy = useDecidedBy();
  const changeBy = useDecidedBy();
  const resolveBy = useDecidedBy();

  const run = async (key: string, action: Parameters<Act>[0], after?: () => void) => {
    const outcome = await act(action);
    setMessages((m) => ({ ...m, [key]: outcome.kind === 'done' ? '' : outcome.kind === 'refused' ? outcome.reason : outcome.message }));
    if (outcome.kind === 'done') after?.();
  };
  const message = (key: string) =>
    messages[key] ? (
      <p className="refusal" role="alert">
        {messages[key]}
      </p>
    ) : null;

  return (
    <section className="panel actions" aria-label="Actions">
      <h2>Actions</h2>

      <section className="action-group" aria-labelledby="evidence-heading">
        <h3 id="evidence-heading">Request evidence</h3>
        {evidenceBy.field}
        <ul className="evidence-list">
          {Object.entries(spec.evidence).map(([id, source]) => {
            const item = view.evidence.find((e) => e.source === id);
            return (
              <li key={id}>
                <span className="evidence-title">{source.title}</span>{' '}
                {!item && (
                  <button type="button" onClick={() => void run('evidence', evidenceBy.withBy({ type: 'evidence.request', source: id }))} aria-label={`Request ${source.title}`}>
                    Request
                  </button>
                )}
                {item && item.arrivedAt === undefined && <span className="pending">requested, arrives {at(item.arrivesAt)}</span>}
                {item && item.arrivedAt !== undefined && (
                  <button
                    type="button"
                    onClick={(e) => {
                      opener.current = e.currentTarget;
                      setViewing(id);
                    }}
                    aria-label={`Open ${source.title}`}
                  >
                    Open
                  </button>
                )}
              </li>
            );
          })}
        </ul>
        {message('evidence')}
      </section>

      <section className="action-group" aria-labelledby="escalate-heading">
        <h3 id="escalate-heading">Escalate</h3>
        {escalateBy.field}
        <SelectField label="To" value={to} onChange={setTo} options={targets.map((t) => ({ value: t.id, label: t.name }))} />
        <label className="block">
          Escalation note
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} placeholder="Impact, since when, what was checked or ruled out" />
        </label>
        <fieldset className="attach">
          <legend>Attach evidence</legend>
          {arrived.length === 0 && <p className="empty">Evidence you have received can be attached here.</p>}
          {arrived.map((e) => (
            <label key={e.source}>
              <input type="checkbox" checked={attach.includes(e.source)} onChange={(ev) => setAttach((a) => (ev.target.checked ? [...a, e.source] : a.filter((x) => x !== e.source)))} /> {e.title}
            </label>
          ))}
        </fieldset>
        <button
          type="button"
          className="primary"
          onClick={() =>
            void run('escalate', escalateBy.withBy({ type: 'escalation.send', to, note: note.trim(), evidence: attach }), () => {
              setNote('');
              setAttach([]);
            })
          }
        >
          Escalate
        </button>
        {message('escalate')}
      </section>

      <section className="action-group" aria-labelledby="mitigation-heading">
        <h3 id="mitigation-heading">Apply mitigation</h3>
        {mitigationBy.field}
        <SelectField label="Mitigation" value={mitigation} onChange={setMitigation} options={Object.entries(spec.mitigations).map(([id, m]) => ({ value: id, label: m.title }))} />
        <button type="button" onClick={() => void run('mitigation', mitigationBy.withBy({ type: 'mitigation.apply', mitigation }))}>
          Apply mitigation
        </button>
        {message('mitigation')}
        <ul className="mitigation-results">
          {view.mitigations.map((m) => (
            <li key={m.mitigation}>
              {at(m.t)} {spec.mitigations[m.mitigation]?.title}: {m.result ?? 'in progress…'}
            </li>
          ))}
        </ul>
      </section>

      {(spec.changes?.length ?? 0) > 0 && (
        <section className="action-group" aria-labelledby="change-heading">
          <h3 id="change-heading">Link change</h3>
          {changeBy.field}
          <SelectField label="Change" value={change} onChange={setChange} options={(spec.changes ?? []).map((c) => ({ value: c.id, label: `${c.id}: ${c.title}` }))} />
          <button type="button" onClick={() => void run('change', changeBy.withBy({ type: 'change.link', change }))}>
            Link change
          </button>
          {view.changes.length > 0 && <p>Linked: {view.changes.join(', ')}</p>}
          {message('change')}
        </section>
      )}

      <section className="action-group" aria-labelledby="resolve-heading">
        <h3 id="resolve-heading">Resolve</h3>
        {resolveBy.field}
        <label className="block">
          Resolution summary
          <textarea value={summary} onChange={(e) => setSummary(e.target.value)} rows={2} placeholder="What was restored, and how" />
        </label>
        <button type="button" className="primary" onClick={() => void run('resolve', resolveBy.withBy({ type: 'incident.resolve', summary: summary.trim() }))}>
          Resolve
        </button>
        {message('resolve')}
      </section>

      {viewing && (
        <EvidenceViewer
          title={spec.evidence[viewing]?.title ?? viewing}
          text={view.evidence.find((e) => e.source === viewing)?.text ?? ''}
          onClose={() => {
            setViewing(undefined);
            opener.current?.focus();
          }}
        />
      )}
    </section>
  );
}
