// STUB owned by the run/worker helper: the live status region named "Run summary".
export function RunSummary() {
  return null;
}
