import { ExerciseSession } from '../../src/store/exercise-session.ts';
import type { AttemptStore } from '../../src/store/attempt-store.ts';
import type { LoadedScenario } from '../../src/scenario/loader.ts';

/** Starts an attempt through the real session and store; a failure fails the test. */
export async function startSession(store: AttemptStore, scenario: LoadedScenario, options: Parameters<typeof ExerciseSession.start>[2]): Promise<ExerciseSession> {
  const result = await ExerciseSession.start(store, scenario, options);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** What IndexedDB holds for a session's attempt: the row and its log. */
export async function storedAttempt(store: AttemptStore, session: ExerciseSession) {
  const loaded = await store.load(session.attempt.id);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
}
