import { useSyncExternalStore } from 'react';
import { applyUpdate, subscribeUpdate, updateState } from './register-service-worker.ts';

/** A bar at the top of every page once a new version of the app has been deployed. */
export function UpdateNotice() {
  const state = useSyncExternalStore(subscribeUpdate, updateState);
  if (state === 'none') return null;
  return (
    <aside className="update-notice" aria-label="New version">
      <p role="status">
        {state === 'ready'
          ? 'A new version of Incident Drill is ready. Everything you have done is saved in this browser, and an exercise resumes where it was.'
          : 'Incident Drill was updated in another tab. Reload this tab to use the new version; nothing is lost.'}
      </p>
      <button type="button" className="primary" onClick={applyUpdate}>
        Reload to update
      </button>
    </aside>
  );
}
