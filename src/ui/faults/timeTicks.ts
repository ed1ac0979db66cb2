/**
 * Ticks for a time axis of any length: a "nice" step (1, 2, 5, 10, 15, 20, 30 s, 1, 2, 5, 10, 15, 20,
 * 30 min, 1, 2, 3, 6, 12 h, days) so about `target` ticks fall on round times, each labelled in
 * the unit that reads best ("90s" reads worse than "1.5 min"; "16667s" is unreadable).
 */
const STEPS_S = [
  1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 10800, 21600, 43200,
  86400,
];

export function niceStepS(durationS: number, target = 6): number {
  const raw = durationS / Math.max(1, target);
  const step = STEPS_S.find((s) => s >= raw);
  if (step !== undefined) return step;
  // Beyond a day: whole days, rounded up to 1, 2 or 5 × a power of ten.
  const days = raw / 86400;
  const pow = 10 ** Math.floor(Math.log10(days));
  const nice = [1, 2, 5, 10].find((m) => m * pow >= days) ?? 10;
  return nice * pow * 86400;
}

const trim = (x: number) => String(Number(x.toFixed(1)));

/** "45s", "2 min", "1.5 h", "3 d": the unit follows the step, so every tick uses the same one. */
function unitFor(stepS: number): [number, string] {
  if (stepS >= 86400) return [86400, ' d'];
  if (stepS >= 3600) return [3600, ' h'];
  if (stepS >= 60) return [60, ' min'];
  return [1, 's'];
}

export function formatTick(t: number, stepS: number): string {
  const [size, name] = unitFor(stepS);
  return `${trim(t / size)}${name}`;
}

/** The ticks in [0, durationS]: multiples of the step, and the end when it is not too close. */
export function timeTicks(durationS: number, target = 6): { t: number; label: string }[] {
  const step = niceStepS(durationS, target);
  const ticks: number[] = [];
  for (let t = 0; t <= durationS + 1e-9; t += step) ticks.push(t);
  const last = ticks[ticks.length - 1] ?? 0;
  // The end of the run is worth a label, unless it would overlap the last round tick.
  if (durationS - last > step * 0.4) ticks.push(durationS);
  return ticks.map((t) => ({ t, label: formatTick(t, step) }));
}

/** A span as "1–48 s", "2–15 min" or "0–4.6 h", in the unit an axis over it would use. */
export function formatTimeRange(firstS: number, lastS: number): string {
  const [size, name] = unitFor(niceStepS(lastS - firstS));
  const a = size === 1 ? Math.round(firstS) : trim(firstS / size);
  const b = size === 1 ? Math.round(lastS) : trim(lastS / size);
  return `${a}–${b}${size === 1 ? ' s' : name}`;
}
