import { useEffect } from 'react';
import type { ExerciseSession } from '../../store/exercise-session.ts';

/**
 * Drives the simulated clock from real time while the attempt runs. This is the shell's job:
 * the core never reads the wall clock; it is told how far to move.
 */
export function useClock(session: ExerciseSession | undefined): void {
  useEffect(() => {
    if (!session) return;
    let last = performance.now();
    const timer = window.setInterval(() => {
      const now = performance.now();
      const elapsed = now - last;
      last = now;
      void session.tick(elapsed);
    }, 200);
    const pause = () => void session.setPaused(true);
    window.addEventListener('pagehide', pause);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('pagehide', pause);
    };
  }, [session]);
}
