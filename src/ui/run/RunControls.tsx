// STUB owned by the run/worker helper: Run, Pause, Step, Reset, speed, simulated clock.
export function RunControls() {
  return null;
}
