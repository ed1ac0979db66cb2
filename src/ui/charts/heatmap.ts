/**
 * Every node's utilization over time as one picture: a band per node (busiest on top), its
 * colour by utilization in five steps (the canvas's own thresholds: 70 % warm, 90 % hot). With
 * more nodes than MAX_BANDS, a band stands for a group of neighbours in that order and shows
 * the busiest of them, so a hot node is never averaged away. The utilization chart draws the
 * top five as lines; this shows where the other ninety-five stand.
 */
import type { MetricsBuffer } from '../../store/metricsBuffer.ts';
import { globalOffset, type FrameLayout } from '../../worker/frame.ts';
import { forEachBucket, MAX_POINTS, rowsPerBucket } from './chartData.ts';
import { escapeXml } from '../export/xml.ts';
import type { PlotSeries } from './plotSvg.ts';
import { readUtilizations, type UtilizationsOf } from './rowUtilizations.ts';

export const MAX_BANDS = 100;

/** Upper bounds of the steps (0..1) and their colours, light to dark. */
const STEPS = [
  { below: 0.5, color: '#dbe7fb', name: 'under 50 %' },
  { below: 0.7, color: '#8fb3ee', name: '50–70 %' },
  { below: 0.8, color: '#f3c96b', name: '70–80 %' },
  { below: 0.9, color: '#e8873a', name: '80–90 %' },
  { below: Infinity, color: '#c92f2f', name: '90 % and over' },
] as const;

/** The legend of the colour steps, as a chart's series (no line of their own). */
export const HEAT_LEGEND: PlotSeries[] = STEPS.map((s, i) => ({
  key: `heat:${i}`,
  name: s.name,
  color: s.color,
}));

export interface Heat {
  /** A band's name: the node's label, or "Service 3.1 and 4 more" for a group. */
  names: string[];
  /** Per band, one value per chart row (NaN: not reported in that window). */
  values: Float64Array[];
  /**
   * Each column's time, as the chart rows' read in the same pass would be (chartData.ts): a
   * heatmap worked out a frame after the lines (chartDraw.ts) may have more windows than they.
   */
  times: number[];
}

const stepOf = (u: number) => STEPS.findIndex((s) => u < s.below);

/**
 * The bands for `ranked` node ids (busiest first), read from the buffer in the buckets the other
 * charts read it in (chartData.ts), so its columns match their times; a column shows the
 * busiest value of its bucket.
 */
export function heatOf(
  buffer: MetricsBuffer,
  layout: FrameLayout,
  ranked: readonly string[],
  label: (id: string) => string,
  maxPoints = MAX_POINTS,
  /** Each row's utilizations (a draw's pass keeps them: rowUtilizations.ts). */
  utilizationsOf: UtilizationsOf = readUtilizations(layout),
): Heat {
  const indexOf = new Map(layout.nodeIds.map((id, i) => [id, i]));
  const per = Math.ceil(ranked.length / MAX_BANDS);
  const groups: string[][] = [];
  for (let i = 0; i < ranked.length; i += per) groups.push(ranked.slice(i, i + per));
  // Read by node in the layout's order, whatever the ranking (which changes at every draw).
  const nodes = layout.nodeIds.length;
  // The bands' nodes one after another, as indices into those.
  const bandNodes = groups.map((ids) =>
    ids.map((id) => indexOf.get(id) ?? -1).filter((i) => i >= 0 && i < nodes),
  );
  const flat = Int32Array.from(bandNodes.flat());
  const ends = new Int32Array(bandNodes.length);
  bandNodes.reduce((end, nodes, band) => (ends[band] = end + nodes.length), 0);
  const top = new Float64Array(bandNodes.length);
  const tops: number[][] = groups.map(() => []);
  const times: number[] = [];
  const tS = globalOffset('tS');
  forEachBucket(buffer, maxPoints, (bucket) => {
    top.fill(NaN);
    for (const [data, at] of bucket) {
      const u = utilizationsOf(data, at);
      let k = 0;
      for (let band = 0; band < ends.length; band++) {
        let t = top[band] ?? NaN;
        for (const end = ends[band] ?? 0; k < end; k++) {
          const v = u[flat[k] ?? 0] ?? NaN;
          if (!Number.isNaN(v) && !(v <= t)) t = v; // the first value, then any larger
        }
        top[band] = t;
      }
    }
    // As many columns as the bucket has chart rows, each the bucket's busiest, at their times:
    // the bucket's first window's, and its last's.
    const columns = rowsPerBucket(bucket.length);
    tops.forEach((column, band) => {
      for (let c = 0; c < columns; c++) column.push(top[band] ?? NaN);
    });
    const timed = [bucket[0], bucket.at(-1)].slice(0, columns);
    for (const [data, at] of timed.filter((r) => r !== undefined)) times.push(data[at + tS] ?? NaN);
  });
  const values = tops.map((t) => Float64Array.from(t));
  const names = groups.map((ids) =>
    ids.length === 1 ? label(ids[0] ?? '') : `${label(ids[0] ?? '')} and ${ids.length - 1} more`,
  );
  return { names, values, times };
}

/**
 * The cells as SVG: per band, runs of one colour step merged into one rect, so a steady node is
 * a handful of rects, not one per window. Column i is centred on its row's time `times[i]`
 * (older rows stand for more windows: the columns are as wide as the time they cover).
 */
export function heatCells(
  heat: Heat,
  times: readonly number[],
  xOf: (t: number) => number,
  top: number,
  bottom: number,
): string {
  const n = times.length;
  const x = (edge: number) =>
    edge <= 0
      ? xOf(times[0] ?? 0)
      : edge >= n
        ? xOf(times[n - 1] ?? 0)
        : xOf(((times[edge - 1] ?? 0) + (times[edge] ?? 0)) / 2);
  const h = (bottom - top) / Math.max(1, heat.values.length);
  const out: string[] = [];
  heat.values.forEach((row, band) => {
    const y = (top + band * h).toFixed(1);
    const name = escapeXml(heat.names[band] ?? '');
    let start = 0;
    for (let i = 1; i <= row.length; i++) {
      const step = (k: number) => (Number.isNaN(row[k] ?? NaN) ? -1 : stepOf(row[k] ?? 0));
      if (i < row.length && step(i) === step(start)) continue;
      const s = step(start);
      if (s >= 0) {
        const x0 = x(start);
        out.push(
          `<rect x="${x0.toFixed(1)}" y="${y}" width="${(x(i) - x0).toFixed(1)}" height="${h.toFixed(1)}" fill="${STEPS[s]?.color ?? '#ccc'}"><title>${name}</title></rect>`,
        );
      }
      start = i;
    }
  });
  return out.join('');
}

/** The hottest bands in column `i`, for a readout: "Service 3.2 94 %", at most `n`. */
export function hottestAt(heat: Heat, i: number, n: number): Array<{ name: string; u: number }> {
  return heat.values
    .map((row, band) => ({ name: heat.names[band] ?? '', u: row[i] ?? NaN }))
    .filter((b) => !Number.isNaN(b.u))
    .sort((a, b) => b.u - a.u)
    .slice(0, n);
}
