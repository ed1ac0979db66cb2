/**
 * Run work once the browser is idle after the first paint, so code the user will likely need
 * soon (the charts, the Analyze drawer) downloads without competing with the canvas.
 */
export function whenIdle(work: () => void, timeoutMs = 2000): () => void {
  // Safari has no requestIdleCallback; a short timeout after load is close enough.
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(work, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(work, 200);
  return () => window.clearTimeout(id);
}
