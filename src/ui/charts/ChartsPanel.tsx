// STUB owned by the run/worker helper: the live charts over simulated time.
export function ChartsPanel() {
  return null;
}
