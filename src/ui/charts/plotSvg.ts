/**
 * A chart drawn as SVG text: axes with round ticks and units, a time axis, one path per series
 * with a gap wherever a row has no value, and the marks (faults, actions: chartMarks.ts). One pure function draws the
 * plot on the page (a few path strings from ≤ 150 points: microseconds, where a recharts chart
 * costs tens of milliseconds) and in the exported pictures, so the two never disagree.
 */
import type { ChartRow } from './chartData.ts';
import { axisFraction, valueAxis, type ValueAxis, type ValueKind } from './valueAxis.ts';
import { formatTick, niceStepS } from '../faults/timeTicks.ts';
import type { ChartMark } from './chartMarks.ts';
import { heatCells, type Heat } from './heatmap.ts';
import { escapeXml } from '../export/xml.ts';

export interface PlotSeries {
  key: string;
  name: string;
  color: string;
  /** Drawn dashed: a line that is not one of the others (an aggregate, a mean, goodput). */
  dashed?: boolean;
  /** Whole values that jump (replicas, backends): holds and jumps, not slopes. */
  step?: boolean;
}

/** Everything a chart shows, as data: drawn on the page and exported from the same spec. */
export interface PlotSpec {
  key: string;
  title: string;
  rows: ChartRow[];
  series: PlotSeries[];
  kind: ValueKind;
  log?: boolean;
  /** A fixed top of the axis, e.g. 1 for ratios. */
  yMax?: number;
  /** Shown over the plot when there is no series to draw. */
  emptyNote?: string;
  /**
   * A heatmap (heatmap.ts): bands of cells, one column per row, in place of lines; the series
   * are then its colour steps, for the legend.
   */
  heat?: Heat;
}

export const AXIS_FONT = 10;
const TEXT = '#6b7485';
const GRID = '#eef0f3';
const AXIS = '#c5cad3';

/**
 * The plot area inside a drawing of `width` × `height`: room for tick labels left and below,
 * and above for the unit and "log scale" clear of the top tick's label.
 */
export function plotArea(width: number, height: number) {
  const left = 46;
  const top = 20;
  const right = width - 8;
  const bottom = height - 16;
  return { left, top, right, bottom };
}

/** The first and last time shown: the rows' range (one instant is widened to a second). */
export function timeRange(rows: readonly ChartRow[]): [number, number] {
  const first = rows[0]?.['t'] ?? 0;
  const last = rows.at(-1)?.['t'] ?? 1;
  return last > first ? [first, last] : [first - 1, first];
}

export function axisFor(spec: PlotSpec): ValueAxis {
  const values: number[] = [];
  for (const r of spec.rows)
    for (const s of spec.series) {
      const v = r[s.key];
      if (v !== undefined) values.push(v);
    }
  return valueAxis(values, spec.kind, {
    ...(spec.log === true ? { log: true } : {}),
    ...(spec.yMax !== undefined ? { max: spec.yMax } : {}),
  });
}

const f1 = (x: number) => x.toFixed(1);

/** The series' path: M to start a stretch, L (or H then V for steps) along it, none in a gap. */
function seriesPath(
  rows: readonly ChartRow[],
  s: PlotSeries,
  x: (t: number) => number,
  y: (v: number) => number,
  log: boolean,
): string {
  let d = '';
  let pen = false;
  for (const r of rows) {
    const v = r[s.key];
    if (v === undefined || (log && !(v > 0))) {
      pen = false;
      continue;
    }
    const px = f1(x(r['t'] ?? 0));
    const py = f1(y(v));
    d += !pen ? `M${px} ${py}` : s.step ? `H${px}V${py}` : `L${px} ${py}`;
    pen = true;
  }
  return d;
}

/** The marks (chartMarks.ts) in the time range: a band and its start line, or a line. */
function markElements(
  marks: readonly ChartMark[],
  [first, last]: [number, number],
  x: (t: number) => number,
  top: number,
  bottom: number,
): string {
  return marks
    .filter((m) => m.startS <= last && m.endS >= first)
    .map((m) => {
      const a = x(Math.max(m.startS, first));
      const b = x(Math.min(m.endS, last));
      const band =
        m.endS > m.startS
          ? `<rect x="${f1(a)}" y="${top}" width="${f1(Math.max(b - a, 0))}" height="${bottom - top}" fill="${m.color}" fill-opacity="0.1"/>`
          : '';
      const start =
        m.startS >= first
          ? `<line x1="${f1(a)}" x2="${f1(a)}" y1="${top}" y2="${bottom}" stroke="${m.color}" stroke-dasharray="3 2"/>`
          : '';
      return `<g class="${m.className}"><title>${escapeXml(m.label)}</title>${band}${start}</g>`;
    })
    .join('');
}

/** The plot's SVG elements (no <svg> around them) for a drawing of `width` × `height`. */
export function plotBody(
  spec: PlotSpec,
  width: number,
  height: number,
  marks: readonly ChartMark[] = [],
): string {
  const { left, top, right, bottom } = plotArea(width, height);
  const axis = axisFor(spec);
  const range = timeRange(spec.rows);
  const [first, last] = range;
  const x = (t: number) => left + ((t - first) / (last - first)) * (right - left);
  const y = (v: number) => bottom - axisFraction(axis, v) * (bottom - top);
  const out: string[] = [];
  const heat = spec.heat;
  if (heat !== undefined) {
    const times = spec.rows.map((r) => r['t'] ?? 0);
    out.push(
      heatCells(heat, times, x, top, bottom),
      `<text x="2" y="${top - 9}" font-size="${AXIS_FONT}" fill="${TEXT}">${heat.names.length === 1 ? 'one node' : 'nodes, busiest on top'}</text>`,
    );
  }
  for (const t of heat === undefined ? axis.ticks : []) {
    const ty = f1(y(t.v));
    out.push(
      `<line x1="${left}" x2="${right}" y1="${ty}" y2="${ty}" stroke="${GRID}"/>`,
      `<text x="${left - 4}" y="${ty}" dy="0.32em" text-anchor="end" font-size="${AXIS_FONT}" fill="${TEXT}">${escapeXml(t.label)}</text>`,
    );
  }
  if (axis.unitLabel !== '' && heat === undefined)
    out.push(
      `<text x="2" y="${top - 9}" font-size="${AXIS_FONT}" fill="${TEXT}">${escapeXml(axis.unitLabel)}</text>`,
    );
  if (axis.log)
    out.push(
      `<text x="${right}" y="${top - 9}" text-anchor="end" font-size="${AXIS_FONT}" fill="${TEXT}">log scale</text>`,
    );
  out.push(markElements(marks, range, x, top, bottom));
  const step = niceStepS(last - first, Math.max(3, Math.floor((right - left) / 60)));
  for (let t = Math.ceil(first / step - 1e-9) * step; t <= last + 1e-9; t += step) {
    const px = x(t);
    // A label at either end stays inside the drawing.
    const anchor = px > right - 16 ? 'end' : px < left + 16 ? 'start' : 'middle';
    out.push(
      `<line x1="${f1(px)}" x2="${f1(px)}" y1="${bottom}" y2="${bottom + 3}" stroke="${AXIS}"/>`,
      `<text x="${f1(px)}" y="${bottom + 12}" text-anchor="${anchor}" font-size="${AXIS_FONT}" fill="${TEXT}">${formatTick(t, step)}</text>`,
    );
  }
  out.push(
    `<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="${AXIS}"/>`,
    `<line x1="${left}" x2="${left}" y1="${top}" y2="${bottom}" stroke="${AXIS}"/>`,
  );
  for (const s of heat === undefined ? spec.series : []) {
    const d = seriesPath(spec.rows, s, x, y, axis.log);
    const dash = s.dashed ? ' stroke-dasharray="4 3"' : '';
    out.push(
      `<path data-series="${escapeXml(s.key)}" d="${d}" fill="none" stroke="${s.color}" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round"${dash}/>`,
    );
  }
  return out.join('');
}

/** The plot alone, as the page shows it under the card's title and over its legend. */
export function plotSvg(
  spec: PlotSpec,
  width: number,
  height: number,
  marks: readonly ChartMark[] = [],
): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" aria-hidden="true">` +
    `${plotBody(spec, width, height, marks)}</svg>`
  );
}
