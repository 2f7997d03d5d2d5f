import { useState } from 'react';
import { PRIORITY_MATRIX } from '../../engine/actions.ts';
import type { ExerciseView } from '../../engine/exercise-view.ts';
import { ROLES, type Role } from '../../scenario/triggers.ts';
import type { Act } from './console-page.tsx';
import { ROLE_LABEL } from './labels.ts';

type Rating = 'high' | 'medium' | 'low';
const RATINGS: readonly Rating[] = ['high', 'medium', 'low'];

export function IncidentPanel({ view, act }: { readonly view: ExerciseView; readonly act: Act }) {
  const [impact, setImpact] = useState<Rating>('medium');
  const [urgency, setUrgency] = useState<Rating>('medium');
  const [role, setRole] = useState<Role>('incident-commander');
  const [person, setPerson] = useState('');
  const [message, setMessage] = useState('');
  const level = PRIORITY_MATRIX[impact][urgency];

  const run = async (action: Parameters<Act>[0], after?: () => void) => {
    const outcome = await act(action);
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
      <fieldset className="priority">
        <legend>Priority</legend>
        <RatingSelect label="Impact" value={impact} onChange={setImpact} />
        <RatingSelect label="Urgency" value={urgency} onChange={setUrgency} />
        <button type="button" className="primary" onClick={() => void run({ type: 'priority.set', level, impact, urgency })}>
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
        <label>
          Role{' '}
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        </label>
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
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(RATINGS.find((r) => r === e.target.value) ?? 'medium')}>
        {RATINGS.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
    </label>
  );
}
