/** Durations in the Traces view: seconds in, "12.3 ms" / "1.24 s" out. */
export function formatMs(s: number): string {
  const ms = s * 1000;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}
