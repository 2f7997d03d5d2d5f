import { createContext, useContext, useState, type ReactNode } from 'react';
import type { TraineeAction } from '../../engine/actions.ts';
import { SelectField } from '../select-field.tsx';

/** Tabletop mode: the people in the room. Undefined outside tabletop: no "Decided by" anywhere. */
export const ParticipantsContext = createContext<readonly string[] | undefined>(undefined);

const TEAM = '';

/**
 * A "Decided by" select for one group of decision controls, on the scribe's screen in tabletop
 * mode: a participant or the team. `withBy` puts the choice on the action as `by`; the team is
 * recorded as no `by` at all.
 */
export function useDecidedBy(): { readonly field: ReactNode; readonly withBy: <A extends TraineeAction>(action: A) => A } {
  const participants = useContext(ParticipantsContext);
  const [by, setBy] = useState(TEAM);
  if (!participants) return { field: null, withBy: (action) => action };
  const field = (
    <span className="decided-by">
      <SelectField label="Decided by" value={by} onChange={setBy} options={[{ value: TEAM, label: 'The team' }, ...participants.map((p) => ({ value: p, label: p }))]} />
    </span>
  );
  return { field, withBy: (action) => (by === TEAM ? action : { ...action, by }) };
}
