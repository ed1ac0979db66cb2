/**
 * One chart card: its title, the plot (plotSvg.ts, one SVG string: no chart library renders on
 * the page), the legend, and a readout of the values at the time under the pointer. The same
 * spec is what the charts export draws.
 *
 * React renders the card when its shape changes (title, series); new rows are drawn straight
 * into the plot when the shown specs move (shownCharts.ts), and only while the card is in
 * sight: four React renders of every chart a second took a fifth of the main thread at Max.
 */
import { memo, useLayoutEffect, useRef, useState, type MouseEvent, type PointerEvent } from 'react';
import { axisFor, plotArea, plotSvg, timeRange, type PlotSpec } from './plotSvg.ts';
import { axisValue, formatValue } from './valueAxis.ts';
import { useChartMarks, type ChartMark } from './chartMarks.ts';
import { shownChart, subscribeShownCharts } from './shownCharts.ts';
import { chartFrames } from './frameWork.ts';
import { hottestAt } from './heatmap.ts';
import { formatSimTime } from '../run/format.ts';
import type { ChartRow } from './chartData.ts';

/** Drawn at this size until the card has been measured (and in tests, where nothing has size). */
const FALLBACK = { width: 300, height: 120 };

function useSize(ref: React.RefObject<HTMLElement | null>) {
  const [size, setSize] = useState(FALLBACK);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const take = (width: number, height: number) => {
      if (width < 1 || height < 1) return;
      const w = Math.round(width);
      const h = Math.round(height);
      setSize((s) => (s.width === w && s.height === h ? s : { width: w, height: h }));
    };
    const box = el.getBoundingClientRect();
    take(box.width, box.height);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) take(entry.contentRect.width, entry.contentRect.height);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/** The row nearest to time `t`. */
function rowAt(rows: readonly ChartRow[], t: number): ChartRow | undefined {
  let best: ChartRow | undefined;
  let gap = Infinity;
  for (const r of rows) {
    const d = Math.abs((r['t'] ?? 0) - t);
    if (d < gap) [best, gap] = [r, d];
  }
  return best;
}

/** A heatmap's busiest bands in `row`: what its readout and name say. */
function hottest(spec: PlotSpec, row: ChartRow | undefined) {
  const i = row === undefined ? -1 : spec.rows.indexOf(row);
  return spec.heat === undefined || i < 0 ? [] : hottestAt(spec.heat, i, 3);
}

/** "p50 12 ms, p99 55 ms": the values of one row, for the readout and the plot's name. */
function valuesText(spec: PlotSpec, row: ChartRow | undefined): string {
  if (spec.heat !== undefined)
    return `busiest ${hottest(spec, row)
      .map((b) => `${b.name} ${formatValue(b.u, spec.kind)}`)
      .join(', ')}`;
  return spec.series
    .map((s) => {
      const v = row?.[s.key];
      return `${s.name} ${v === undefined ? 'no value' : formatValue(v, spec.kind)}`;
    })
    .join(', ');
}

/** "Latency at 12 s: p50 12 ms, …": the plot's name, with the newest values. */
function plotName(spec: PlotSpec): string {
  const last = spec.rows.at(-1);
  return last === undefined
    ? spec.title
    : `${spec.title} at ${formatSimTime(last['t'] ?? 0)}: ${valuesText(spec, last)}`;
}

function paintPlot(
  box: HTMLElement,
  host: HTMLElement,
  spec: PlotSpec,
  width: number,
  height: number,
  marks: readonly ChartMark[],
): void {
  // Markup from plotSvg: every text in it is escaped there.
  host.innerHTML = plotSvg(spec, width, height, marks);
  box.setAttribute('aria-label', plotName(spec));
}

/** Cards mounted so far: each one's job in the frame queue has a name of its own. */
let cardCount = 0;

/**
 * Draws the newest spec of the card into `plot` now, and again when its shape, size or marks
 * change (rare: LiveCharts keeps a card's spec while its shape holds), in sight or not; and
 * whenever the shown specs move (new rows, four times a second) while the plot is in sight, in
 * its turn in the frame queue; once when it comes back into sight.
 */
function useLivePlot(
  plot: React.RefObject<HTMLDivElement | null>,
  svg: React.RefObject<HTMLDivElement | null>,
  spec: PlotSpec,
  width: number,
  height: number,
) {
  const marks = useChartMarks();
  const sight = useRef({ inSight: true, stale: false });
  const drawNow = useRef<() => void>(() => {});
  // The spec the plot on screen was painted from. A chart tick works out every card's spec
  // first and paints the cards in later frames (frameWork.ts), so for a few frames the newest
  // spec is not the one the user sees: a click is read against what is painted.
  const painted = useRef(spec);
  useLayoutEffect(() => {
    const box = plot.current;
    const host = svg.current;
    if (box === null || host === null) return;
    drawNow.current = () => {
      const drawn = shownChart(spec.key) ?? spec;
      paintPlot(box, host, drawn, width, height, marks);
      painted.current = drawn;
    };
    drawNow.current();
    sight.current.stale = false;
  }, [plot, svg, spec, width, height, marks]);
  useLayoutEffect(() => {
    const box = plot.current;
    if (box === null) return;
    const s = sight.current;
    const observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver(([entry]) => {
            s.inSight = entry?.isIntersecting ?? true;
            if (s.inSight && s.stale) drawNow.current();
            s.stale = false;
          })
        : undefined;
    observer?.observe(box);
    // Each card's plot is a job of its own in the charts' frame queue (frameWork.ts): a few
    // cards a frame, in the grid's order, not every card in one frame.
    const job = `card:${(cardCount += 1)}`;
    const stop = subscribeShownCharts(() => {
      if (s.inSight) chartFrames.add(job, () => drawNow.current());
      else s.stale = true;
    });
    return () => {
      stop();
      chartFrames.remove(job);
      observer?.disconnect();
    };
  }, [plot]);
  return painted;
}

/**
 * A click on the plot: the chart's key, the time under the pointer and its row, the value under
 * it on the y axis (undefined on a heatmap), and the spec as drawn.
 */
export type PointClick = (
  key: string,
  tS: number,
  row: ChartRow | undefined,
  v: number | undefined,
  spec: PlotSpec,
) => void;

function ChartCardInner({ spec, onPointClick }: { spec: PlotSpec; onPointClick?: PointClick }) {
  const plot = useRef<HTMLDivElement>(null);
  const svg = useRef<HTMLDivElement>(null);
  const { width, height } = useSize(plot);
  const painted = useLivePlot(plot, svg, spec, width, height);
  const [hoverT, setHoverT] = useState<number | undefined>(undefined);
  const { series } = spec;
  // The readout reads the newest rows (the card's own spec is as of its last render).
  const rowsNow = () => (shownChart(spec.key) ?? spec).rows;
  const hovered = hoverT === undefined ? undefined : rowAt(rowsNow(), hoverT);

  // The simulated time under the pointer, or undefined outside the plot area. A click works it
  // out from its own event: a tap (or a click right after a move) comes before the hover state
  // has rendered.
  const timeAt = (e: MouseEvent<HTMLDivElement>, rows: readonly ChartRow[]) => {
    const box = e.currentTarget.getBoundingClientRect();
    const area = plotArea(width, height);
    const [first, end] = timeRange(rows);
    const f = (e.clientX - box.left - area.left) / (area.right - area.left);
    return f < 0 || f > 1 ? undefined : first + f * (end - first);
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => setHoverT(timeAt(e, rowsNow()));
  // The value under the pointer, on the axis as drawn.
  const valueAt = (e: MouseEvent<HTMLDivElement>, drawn: PlotSpec) => {
    if (drawn.heat !== undefined) return undefined;
    const area = plotArea(width, height);
    const y = e.clientY - e.currentTarget.getBoundingClientRect().top;
    const f = (area.bottom - y) / (area.bottom - area.top);
    return f < 0 || f > 1 ? undefined : axisValue(axisFor(drawn), f);
  };

  return (
    <figure className="chart-card" data-chart={spec.key}>
      <figcaption className="chart-card__title">{spec.title}</figcaption>
      <div
        ref={plot}
        className="chart-card__plot"
        role="img"
        // Named with the newest values by useLivePlot (a render would name it with older ones).
        onPointerMove={onMove}
        onPointerLeave={() => setHoverT(undefined)}
        onClick={
          onPointClick &&
          ((e) => {
            const drawn = painted.current;
            const t = timeAt(e, drawn.rows);
            if (t !== undefined)
              onPointClick(spec.key, t, rowAt(drawn.rows, t), valueAt(e, drawn), drawn);
          })
        }
      >
        <div ref={svg} className="chart-card__svg" />
        {series.length === 0 && spec.emptyNote !== undefined && (
          <p className="chart-card__note">{spec.emptyNote}</p>
        )}
        {hovered !== undefined && (
          <div className="chart-card__readout">
            <b>t = {formatSimTime(hovered['t'] ?? 0)}</b>
            {hottest(shownChart(spec.key) ?? spec, hovered).map((b) => (
              <span key={b.name}>
                {b.name} {formatValue(b.u, spec.kind)}
              </span>
            ))}
            {(spec.heat === undefined ? series : []).map((s) => (
              <span key={s.key} style={{ color: s.color }}>
                {s.name}{' '}
                {hovered[s.key] === undefined ? '–' : formatValue(hovered[s.key] ?? 0, spec.kind)}
              </span>
            ))}
          </div>
        )}
      </div>
      <ul className="chart-card__legend">
        {series.map((s) => (
          <li key={s.key} title={s.name}>
            <span
              className={`chart-card__swatch${s.dashed ? ' is-dashed' : ''}${spec.heat ? ' is-cell' : ''}`}
              style={{ borderColor: s.color }}
            />
            {s.name}
          </li>
        ))}
      </ul>
    </figure>
  );
}

export const ChartCard = memo(ChartCardInner);
