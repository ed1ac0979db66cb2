/**
 * Whether the user is moving the canvas's view (a pan, a zoom) right now. The live layer notes
 * each move; the traffic dots and the charts hold their drawing until the view has been still
 * for VIEW_SETTLE_MS, so that a pan does not compete with them for the same two cores, and the
 * run's worker is told when a motion begins and ends (onViewMotion), to leave the cores to the
 * page meanwhile.
 */

/** How long the view must have been still before held drawing goes on. */
export const VIEW_SETTLE_MS = 150;

let movedAt = -Infinity;
let moving = false;
let settleTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<(moving: boolean) => void>();

const tell = (now: boolean) => {
  moving = now;
  for (const listener of listeners) listener(now);
};

/** Ends the motion once the view has been still for VIEW_SETTLE_MS; one timer, not one a move. */
function settleLater(): void {
  settleTimer = setTimeout(() => {
    const left = viewSettlesIn();
    if (left > 0) settleLater();
    else {
      settleTimer = undefined;
      tell(false);
    }
  }, viewSettlesIn());
}

export function noteViewMoved(now: number = performance.now()): void {
  movedAt = now;
  if (moving || listeners.size === 0) return;
  tell(true);
  if (settleTimer === undefined) settleLater();
}

/** Milliseconds until the view counts as still (0: it is still now). */
export function viewSettlesIn(now: number = performance.now()): number {
  return Math.max(0, movedAt + VIEW_SETTLE_MS - now);
}

/**
 * `listener(true)` when the view starts to move, `listener(false)` once it has been still for
 * VIEW_SETTLE_MS. Returns the function that stops listening.
 */
export function onViewMotion(listener: (moving: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
