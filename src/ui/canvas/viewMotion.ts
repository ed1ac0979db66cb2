/**
 * Whether the user is moving the canvas's view (a pan, a zoom) right now. The live layer notes
 * each move; the traffic dots and the charts hold their drawing until the view has been still
 * for VIEW_SETTLE_MS, so that a pan does not compete with them for the same two cores.
 */

/** How long the view must have been still before held drawing goes on. */
export const VIEW_SETTLE_MS = 150;

let movedAt = -Infinity;

export function noteViewMoved(now: number = performance.now()): void {
  movedAt = now;
}

/** Milliseconds until the view counts as still (0: it is still now). */
export function viewSettlesIn(now: number = performance.now()): number {
  return Math.max(0, movedAt + VIEW_SETTLE_MS - now);
}
