/**
 * Hands out permissions one per animation frame. A card that wants to become a full recharts
 * chart (when a run pauses or ends) waits its turn: mounting nine recharts charts at once took
 * one task of 200-300 ms, a visible freeze; one chart per frame costs a few tens of ms each.
 * Turns start only once the wish has held for SETTLE_MS, so a run that pauses and goes on again
 * (or ends and is started again at once) never pays for charts nobody looked at.
 */
import { startTransition, useEffect, useState } from 'react';

export const SETTLE_MS = 700;

const waiting: Array<() => void> = [];
let scheduled = false;

const later = (fn: () => void): void => {
  if (typeof requestAnimationFrame === 'function')
    requestAnimationFrame(() => void setTimeout(fn, 0)); // right after a frame: a whole budget
  else setTimeout(fn, 0);
};

function pump(): void {
  scheduled = false;
  waiting.shift()?.();
  schedule();
}

function schedule(): void {
  if (scheduled || waiting.length === 0) return;
  scheduled = true;
  later(pump);
}

/** True once `want` has held long enough for this caller's turn; false at once when not. */
export function useOneAtATime(want: boolean): boolean {
  // The turn granted, by request: a new `want` makes a new request, so nothing is reset here.
  const [granted, setGranted] = useState(-1);
  const [request, setRequest] = useState(0);
  const [lastWant, setLastWant] = useState(want);
  if (want !== lastWant) {
    // Adjusting state while rendering (React's documented pattern): a fresh request per change.
    setLastWant(want);
    setRequest((r) => r + 1);
  }
  useEffect(() => {
    if (!want) return;
    // In a transition, so React renders the chart in slices between frames.
    const grant = () => startTransition(() => setGranted(request));
    const settled = setTimeout(() => {
      waiting.push(grant);
      schedule();
    }, SETTLE_MS);
    return () => {
      clearTimeout(settled);
      const at = waiting.indexOf(grant);
      if (at >= 0) waiting.splice(at, 1);
    };
  }, [want, request]);
  return want && granted === request;
}
