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

/**
 * Switches to the new version: the waiting worker takes over, then this tab reloads. When there
 * is no worker still waiting (another tab already switched, or a newer build replaced it), a
 * plain reload does it.
 */
export function applyUpdate(): void {
  reloading = true;
  if (waiting?.state === 'installed') waiting.postMessage('skip-waiting');
  else window.location.reload();
}

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  // Without a controller this is the first visit: the first worker taking over is not an update
  // (but any later one is).
  let hadController = container.controller !== null;
  const installed = (worker: ServiceWorker) => {
    if (container.controller === null) return;
    waiting = worker;
    set('ready');
  };
  const register = async () => {
    const registration = await container.register(`${import.meta.env.BASE_URL}sw.js`);
    const follow = (worker: ServiceWorker | null) =>
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed') installed(worker);
      });
    if (registration.waiting) installed(registration.waiting);
    // Opening the app after a deploy: the new worker may already be installing by now.
    follow(registration.installing);
    registration.addEventListener('updatefound', () => follow(registration.installing));
    window.setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
  };
  container.addEventListener('controllerchange', () => {
    if (reloading) window.location.reload();
    else if (hadController || state === 'ready') set('outdated');
    hadController = true;
  });
  const start = () => void register().catch(() => undefined);
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
