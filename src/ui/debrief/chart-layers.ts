import { useEffect, useRef } from 'react';

const LAYER = 'svg g[class*="recharts-zIndex-layer"]:not([tabindex])';

/**
 * Keeps a chart's drawing layers out of the Tab order. Recharts draws each z-index layer as a
 * `<g>` that is a React portal container; React listens for focus events on every portal
 * container, and Chromium makes an SVG element with focus listeners a Tab stop. So, without
 * this, keyboard users met several empty stops inside a chart. Layers are marked
 * `tabindex="-1"` as they appear (they are created after the chart has measured itself).
 */
export function useUnfocusableChartLayers<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const mark = () => {
      for (const layer of root.querySelectorAll(LAYER)) layer.setAttribute('tabindex', '-1');
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  return ref;
}
