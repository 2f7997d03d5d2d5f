/**
 * The append-only attempt log: the source of truth of an attempt. State, scores, the debrief
 * and exports are all derived from it.
 * PERSISTED SHAPE: log entries are stored in IndexedDB and in export files. Changing a field
 * needs a new Dexie version, an upgrade with a test, and a new export format version.
 */
import type { AlertSpec, ReportSpec } from '../scenario/schema.ts';
import type { SimMs } from '../scenario/duration.ts';
import { isActionType, type ActionOf, type ActionType, type TraineeAction } from './actions.ts';
import type { FacilitatorOf, FacilitatorType } from './facilitator.ts';

/** What the scenario does, as emitted by the compiled machine. */
export type ScenePayload =
  | { readonly type: 'phase.enter'; readonly phase: string }
  | { readonly type: 'alert.fire'; readonly alert: AlertSpec }
  | { readonly type: 'report.arrive'; readonly report: ReportSpec }
  | { readonly type: 'evidence.arrive'; readonly source: string }
  | { readonly type: 'mitigation.result'; readonly mitigation: string; readonly message: string; readonly changed: boolean };

type SceneEntryOf<P extends ScenePayload> = { readonly seq: number; readonly t: SimMs; readonly type: P['type']; readonly payload: Omit<P, 'type'> };
export type SceneEntry = { [K in ScenePayload['type']]: SceneEntryOf<Extract<ScenePayload, { type: K }>> }[ScenePayload['type']];

export type ActionEntry = { [K in ActionType]: { readonly seq: number; readonly t: SimMs; readonly type: K; readonly payload: ActionOf<K> } }[ActionType];

export interface ExerciseStartEntry {
  readonly seq: number;
  readonly t: SimMs;
  readonly type: 'exercise.start';
  /** `weights`: the rubric weights this attempt is scored with, when not the mode's defaults (an interview's own weights). */
  readonly payload: { readonly scenario: string; readonly hash: string; readonly seed: number; readonly mode: string; readonly weights?: Readonly<Record<string, number>> };
}
export interface ExerciseEndEntry {
  readonly seq: number;
  readonly t: SimMs;
  readonly type: 'exercise.end';
  readonly payload: { readonly reason: 'time-up' };
}
export interface RefusedEntry {
  readonly seq: number;
  readonly t: SimMs;
  readonly type: 'action.refused';
  readonly payload: { readonly action: TraineeAction; readonly reason: string };
}

/** A facilitator's ad-hoc inject, note or score adjustment (src/engine/facilitator.ts). */
export type FacilitatorEntry = { [K in FacilitatorType]: { readonly seq: number; readonly t: SimMs; readonly type: K; readonly payload: FacilitatorOf<K> } }[FacilitatorType];

export type LogEntry = SceneEntry | ActionEntry | ExerciseStartEntry | ExerciseEndEntry | RefusedEntry | FacilitatorEntry;

export const isActionEntry = (entry: LogEntry): entry is ActionEntry => isActionType(entry.type) && entry.payload !== null && typeof entry.payload === 'object' && 'type' in entry.payload && entry.payload.type === entry.type;

/** The attempt is finished for scoring once the RCA is in: the same test on every page (an interview, a practice run, an import). */
export const rcaSubmitted = (log: readonly LogEntry[]): boolean => log.some((entry) => entry.type === 'rca.submit');
export const isFacilitatorEntry = (entry: LogEntry): entry is FacilitatorEntry => entry.type.startsWith('facilitator.');

/** The accepted actions of one type, in log order. */
export function actionsOf<K extends ActionType>(log: readonly LogEntry[], type: K): { readonly t: SimMs; readonly action: ActionOf<K> }[] {
  const out: { t: SimMs; action: ActionOf<K> }[] = [];
  for (const entry of log) {
    if (isActionEntry(entry) && entry.type === type) out.push({ t: entry.t, action: entry.payload as ActionOf<K> });
  }
  return out;
}

export function sceneOf<K extends ScenePayload['type']>(log: readonly LogEntry[], type: K): { readonly t: SimMs; readonly payload: Omit<Extract<ScenePayload, { type: K }>, 'type'> }[] {
  return log.flatMap((entry) => (entry.type === type ? [{ t: entry.t, payload: entry.payload as Omit<Extract<ScenePayload, { type: K }>, 'type'> }] : []));
}
