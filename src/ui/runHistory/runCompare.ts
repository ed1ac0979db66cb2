/**
 * Two kept runs side by side: each figure in both, the change from the earlier to the later,
 * and whether that is better or worse (lower latency, errors and cost; higher throughput).
 */
import { formatDuration, formatPercent, formatRate } from '../run/format.ts';
import { formatUsd } from '../report/costText.ts';
import { FIGURE_KEYS, type RunFigures, type RunRecord } from './runRecord.ts';

type FigureKey = keyof RunFigures;

export const FIGURES: Record<
  FigureKey,
  { label: string; better: 'lower' | 'higher'; format: (x: number) => string }
> = {
  p99Ms: { label: 'p99', better: 'lower', format: formatDuration },
  p50Ms: { label: 'p50', better: 'lower', format: formatDuration },
  throughputRps: { label: 'Throughput', better: 'higher', format: (x) => formatRate(x) },
  errorRate: { label: 'Errors', better: 'lower', format: formatPercent },
  costPerHour: { label: 'Cost', better: 'lower', format: (x) => `${formatUsd(x)}/h` },
};

export const figureText = (key: FigureKey, x: number | null): string =>
  x === null ? '—' : FIGURES[key].format(x);

export interface CompareRow {
  key: FigureKey;
  label: string;
  before: string;
  after: string;
  /** "+12 %", "−3.0 ms"… or "" when either run has no value. */
  change: string;
  verdict: 'better' | 'worse' | 'same' | '';
}

/** Changes smaller than this share read as none: a rounding of the last digit shown. */
const SAME_SHARE = 0.0005;

const isSame = (a: number, b: number): boolean =>
  a === b || (a !== 0 && Math.abs((b - a) / a) < SAME_SHARE);

/** The change in a figure, as a share when both are non-zero, else as a difference. */
function changeText(key: FigureKey, a: number, b: number): string {
  if (isSame(a, b)) return 'same';
  if (a !== 0 && key !== 'errorRate') {
    const pct = ((b - a) / Math.abs(a)) * 100;
    return `${pct > 0 ? '+' : '−'}${Math.abs(pct).toFixed(Math.abs(pct) < 10 ? 1 : 0)} %`;
  }
  const d = b - a;
  return `${d > 0 ? '+' : '−'}${FIGURES[key].format(Math.abs(d))}`;
}

/** `before` is the earlier run, `after` the later. */
export function compareRecords(before: RunRecord, after: RunRecord): CompareRow[] {
  return FIGURE_KEYS.map((key) => {
    const a = before.figures[key];
    const b = after.figures[key];
    const f = FIGURES[key];
    const both = a !== null && b !== null;
    const lower = both && b < a;
    return {
      key,
      label: f.label,
      before: figureText(key, a),
      after: figureText(key, b),
      change: both ? changeText(key, a, b) : '',
      verdict: !both
        ? ''
        : isSame(a, b)
          ? 'same'
          : lower === (f.better === 'lower')
            ? 'better'
            : 'worse',
    };
  });
}

export const verdictText = (r: RunRecord): string =>
  r.objectives === null ? 'no objectives' : `${r.objectives.met} of ${r.objectives.total} met`;
