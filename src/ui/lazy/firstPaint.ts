/**
 * Whether the page has had its first contentful paint. Code the first paint does not need (the
 * charts, the Markdown parser, the inspector, the fault timeline, the simulation worker) is
 * fetched only after it, so the first paint waits for the canvas's code alone.
 * Where the browser cannot tell (no paint timing, as in jsdom) it counts as painted at once;
 * a page loaded in a background tab, which does not paint until shown, stops waiting after
 * FALLBACK_MS.
 */
import { whenIdle } from './whenIdle.ts';

const FALLBACK_MS = 3000;
/** The longest the downloads wait for the browser to be idle after the paint. */
const IDLE_WAIT_MS = 1000;

let painted = false;
const listeners = new Set<() => void>();

function markPainted(): void {
  if (painted) return;
  painted = true;
  for (const listener of listeners) listener();
  listeners.clear();
}

function paintTimingSupported(): boolean {
  return (
    typeof PerformanceObserver !== 'undefined' &&
    (PerformanceObserver.supportedEntryTypes ?? []).includes('paint')
  );
}

if (!paintTimingSupported()) painted = true;
else {
  const observer = new PerformanceObserver((list) => {
    if (!list.getEntries().some((e) => e.name === 'first-contentful-paint')) return;
    observer.disconnect();
    // Then the canvas measures and shows its nodes: the downloads start once that is done (the
    // browser is idle), so they do not delay the first click either.
    whenIdle(markPainted, IDLE_WAIT_MS);
  });
  observer.observe({ type: 'paint', buffered: true });
  setTimeout(markPainted, FALLBACK_MS);
}

export function hasPainted(): boolean {
  return painted;
}

/** Calls `listener` once the first paint has happened (at once if it has). */
export function afterFirstPaint(listener: () => void): () => void {
  if (painted) {
    listener();
    return () => {};
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}
