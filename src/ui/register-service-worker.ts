/**
 * Registers the offline cache (dist/sw.js, written by the production build) once the page has
 * loaded, so it never competes with the first render. Not in `vite dev`: there is no sw.js there,
 * and a worker caching dev modules would serve stale code. Failure is harmless: the app just
 * needs the network.
 *
 * It also says when a new version has been deployed (docs/decisions.md, "Offline use"): the new
 * worker installs in the background and waits; `updateState()` is then 'ready' and the app
 * offers to reload. Reloading tells the waiting worker to take over, then reloads the tab.
 * A tab still on the old build when another tab has switched over is 'outdated'.
 */

/** 'ready': a new version is installed and waiting; 'outdated': another tab switched to it. */
export type UpdateState = 'none' | 'ready' | 'outdated';

/** How often an open tab asks the server whether there is a new version (a tab may stay open all day). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

let state: UpdateState = 'none';
let waiting: ServiceWorker | undefined;
let reloading = false;
const listeners = new Set<() => void>();

function set(next: UpdateState): void {
  if (state === next) return;
  state = next;
  for (const listener of listeners) listener();
}

export const updateState = (): UpdateState => state;

export function subscribeUpdate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Switches to the new version: the waiting worker takes over, then this tab reloads. */
export function applyUpdate(): void {
  reloading = true;
  if (state === 'ready' && waiting) waiting.postMessage('skip-waiting');
  else window.location.reload();
}

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  // Without a controller this is the first visit: the first worker taking over is not an update.
  const hadController = container.controller !== null;
  const installed = (worker: ServiceWorker) => {
    if (container.controller === null) return;
    waiting = worker;
    set('ready');
  };
  const register = async () => {
    const registration = await container.register(`${import.meta.env.BASE_URL}sw.js`);
    if (registration.waiting) installed(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed') installed(worker);
      });
    });
    window.setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
  };
  container.addEventListener('controllerchange', () => {
    if (reloading) window.location.reload();
    else if (hadController) set('outdated');
  });
  const start = () => void register().catch(() => undefined);
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
