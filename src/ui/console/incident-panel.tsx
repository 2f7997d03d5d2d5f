import { useState } from 'react';
import { PRIORITY_MATRIX } from '../../engine/actions.ts';
import type { ExerciseView } from '../../engine/exercise-view.ts';
import { ROLES, type Role } from '../../scenario/triggers.ts';
import type { Act } from './console-page.tsx';
import { ROLE_LABEL } from '../../scenario/triggers.ts';
import { SelectField } from '../select-field.tsx';
import { useDecidedBy } from './decided-by.tsx';

type Rating = 'high' | 'medium' | 'low';
const RATINGS: readonly Rating[] = ['high', 'medium', 'low'];

export function IncidentPanel({ view, act }: { readonly view: ExerciseView; readonly act: Act }) {
  const [impact, setImpact] = useState<Rating>('medium');
  const [urgency, setUrgency] = useState<Rating>('medium');
  const [role, setRole] = useState<Role>('incident-commander');
  const [person, setPerson] = useState('');
  const [message, setMessage] = useState('');
  const [reason, setReason] = useState('');
  const level = PRIORITY_MATRIX[impact][urgency];
  const decided = useDecidedBy();

  const run = async (action: Parameters<Act>[0], after?: () => void) => {
    const outcome = await act(decided.withBy(action));
    setMessage(outcome.kind === 'done' ? '' : outcome.kind === 'refused' ? outcome.reason : outcome.message);
    if (outcome.kind === 'done') after?.();
  };

  return (
    <section className="panel incident" aria-label="Incident">
      <h2>Incident</h2>
      <div className="incident-status">
        <span>
          Priority: <strong className={view.priority ? `prio prio-${view.priority.level}` : 'prio'}>{view.priority?.level ?? 'not set'}</strong>
        </span>
        <span>{view.majorDeclaredAt !== undefined ? 'Major incident declared' : 'Not a major incident'}</span>
        <span>{view.bridgeOpenedAt !== undefined ? 'Bridge open' : 'No bridge'}</span>
      </div>
      {decided.field}
      <fieldset className="priority">
        <legend>Priority</legend>
        <RatingSelect label="Impact" value={impact} onChange={setImpact} />
        <RatingSelect label="Urgency" value={urgency} onChange={setUrgency} />
        <label className="block">
          Reason (optional){' '}
          <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Who is affected, how badly, how fast it is spreading" />
        </label>
        <button type="button" className="primary" onClick={() => void run({ type: 'priority.set', level, impact, urgency, ...(reason.trim() ? { reason: reason.trim() } : {}) }, () => setReason(''))}>
          Set priority {level}
        </button>
        <table className="matrix" aria-label="Priority matrix: impact by urgency">
          <thead>
            <tr>
              <th scope="col">Impact \ urgency</th>
              {RATINGS.map((u) => (
                <th key={u} scope="col">
                  {u}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {RATINGS.map((i) => (
              <tr key={i}>
                <th scope="row">{i}</th>
                {RATINGS.map((u) => (
                  <td key={u} className={i === impact && u === urgency ? 'chosen' : ''}>
                    {PRIORITY_MATRIX[i][u]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <div className="buttons">
        <button type="button" onClick={() => void run({ type: 'incident.declare-major' })} disabled={view.majorDeclaredAt !== undefined}>
          Declare major incident
        </button>
        <button type="button" onClick={() => void run({ type: 'bridge.open' })} disabled={view.bridgeOpenedAt !== undefined}>
          Open bridge
        </button>
      </div>
      <fieldset className="roles">
        <legend>Roles</legend>
        <SelectField<Role> label="Role" value={role} onChange={setRole} options={ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))} />
        <label>
          Person{' '}
          <input value={person} onChange={(e) => setPerson(e.target.value)} placeholder="Name or team" />
        </label>
        <button type="button" disabled={person.trim() === ''} onClick={() => void run({ type: 'role.assign', role, to: person.trim() }, () => setPerson(''))}>
          Assign role
        </button>
        <ul className="role-list">
          {ROLES.filter((r) => view.roles[r]).map((r) => (
            <li key={r}>
              {ROLE_LABEL[r]}: {view.roles[r]}
            </li>
          ))}
        </ul>
      </fieldset>
      {message && (
        <p className="refusal" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}

function RatingSelect({ label, value, onChange }: { readonly label: string; readonly value: Rating; readonly onChange: (rating: Rating) => void }) {
  return <SelectField<Rating> label={label} value={value} onChange={onChange} options={RATINGS.map((r) => ({ value: r, label: r }))} />;
}
