/**
 * Registers the offline cache (dist/sw.js, written by the production build) once the page has
 * loaded, so it never competes with the first render. Not in `vite dev`: there is no sw.js there,
 * and a worker caching dev modules would serve stale code. Failure is harmless: the app just
 * needs the network.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => void navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
