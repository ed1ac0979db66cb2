// How run figures read as text, shared by the controls, the summary and the charts.
export function formatSimTime(s: number): string {
  if (!Number.isFinite(s)) return '–';
  if (s < 60) return `${s.toFixed(1)} s`;
  if (s < 3600) {
    const m = Math.floor(s / 60);
    return `${m} min ${Math.floor(s - m * 60)} s`;
  }
  const h = Math.floor(s / 3600);
  return `${h} h ${Math.floor((s - h * 3600) / 60)} min`;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  return ms >= 100 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`;
}

export function formatRps(rps: number): string {
  if (!Number.isFinite(rps)) return '–';
  return rps >= 100 ? `${Math.round(rps)} req/s` : `${rps.toFixed(1)} req/s`;
}

export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '–';
  return `${(ratio * 100).toFixed(ratio < 0.1 ? 2 : 1)} %`;
}

/** Goodput counts as different from ok throughput beyond this share (and 0.5 req/s). */
const GOODPUT_GAP = 0.005;

/** Whether goodput is worth showing beside throughput: some answers were late or degraded. */
export function goodputDiffers(okRps: number, goodputRps: number): boolean {
  return okRps - goodputRps > Math.max(0.5, okRps * GOODPUT_GAP);
}
