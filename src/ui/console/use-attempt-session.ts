import { useCallback, useEffect, useRef, useState } from 'react';
import { ExerciseSession } from '../../store/exercise-session.ts';
import { attemptStore, findScenario, tabId } from '../app-services.ts';

export type SessionState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'elsewhere' }
  | { readonly kind: 'ready'; readonly session: ExerciseSession; readonly warning: string | undefined };

/**
 * Opens an attempt in this tab. A Web Lock per attempt tells whether another tab has it open;
 * taking over steals the lock (the other tab is told and stops) and makes this tab the owner
 * in the database, which is what actually stops the other tab from writing.
 */
export function useAttemptSession(attemptId: string): { state: SessionState; takeOver: () => void } {
  const [state, setState] = useState<SessionState>({ kind: 'loading' });
  const releaseRef = useRef<(() => void) | undefined>(undefined);
  const sessionRef = useRef<ExerciseSession | undefined>(undefined);

  const open = useCallback(async (): Promise<void> => {
    const loaded = await attemptStore.load(attemptId);
    if (!loaded.ok) return setState({ kind: 'error', message: loaded.error.message });
    const { attempt } = loaded.value;
    const scenario = findScenario(attempt.scenarioId);
    if (!scenario) return setState({ kind: 'error', message: `This attempt is for the scenario "${attempt.scenarioId}", which is not in this app's library.` });
    const owned = await attemptStore.takeOwnership(attemptId, tabId);
    if (!owned.ok) return setState({ kind: 'error', message: owned.error.message });
    const resumed = await ExerciseSession.resume(attemptStore, scenario, attemptId, tabId);
    if (!resumed.ok) return setState({ kind: 'error', message: resumed.error.message });
    const { session, mismatch } = resumed.value;
    sessionRef.current = session;
    const changed = attempt.scenarioHash !== scenario.hash;
    const warning = changed || mismatch ? `The scenario file has changed since this attempt was played${mismatch ? ` (${mismatch})` : ''}: what you see is a replay on the current version.` : undefined;
    // A replay that does not match what was stored must not be written over it.
    if (mismatch) session.freeze('This attempt is shown read-only: its stored log no longer matches the scenario, so nothing more is saved. Start a new attempt to play the current version.');
    setState({ kind: 'ready', session, warning });
  }, [attemptId]);

  const acquire = useCallback(
    (steal: boolean, retried = false) => {
      const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
      if (!locks) {
        // No Web Locks: the database's owner check still keeps a second writer out.
        void open();
        return;
      }
      const name = `incident-drill:attempt:${attemptId}`;
      const held = async (lock: Lock | null) => {
        if (!lock) {
          if (!retried) setTimeout(() => acquire(false, true), 150);
          else setState({ kind: 'elsewhere' });
          return;
        }
        await open();
        await new Promise<void>((resolve) => {
          releaseRef.current = resolve;
        });
      };
      const request = steal ? locks.request(name, { steal: true }, held) : locks.request(name, { ifAvailable: true }, held);
      request.catch(() => {
        // Our lock was stolen: another tab took the attempt over.
        sessionRef.current?.markLost();
      });
    },
    [attemptId, open],
  );

  useEffect(() => {
    acquire(false);
    return () => {
      void sessionRef.current?.setPaused(true);
      releaseRef.current?.();
      releaseRef.current = undefined;
    };
  }, [acquire]);

  const takeOver = useCallback(() => {
    setState({ kind: 'loading' });
    acquire(true);
  }, [acquire]);

  return { state, takeOver };
}
