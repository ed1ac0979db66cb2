/**
 * One chart card: its title, the plot (plotSvg.ts, redrawn as one SVG string when its rows
 * change: no chart library renders on the page), the legend, and a readout of the values at
 * the time under the pointer. The same spec is what the charts export draws.
 */
import { memo, useLayoutEffect, useRef, useState, type PointerEvent } from 'react';
import { plotArea, plotSvg, timeRange, type PlotSpec } from './plotSvg.ts';
import { formatValue } from './valueAxis.ts';
import { useFaultSpans } from '../faults/faultSpans.ts';
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

/** "p50 12 ms, p99 55 ms": the values of one row, for the readout and the plot's name. */
function valuesText(spec: PlotSpec, row: ChartRow | undefined): string {
  return spec.series
    .map((s) => {
      const v = row?.[s.key];
      return `${s.name} ${v === undefined ? 'no value' : formatValue(v, spec.kind)}`;
    })
    .join(', ');
}

function ChartCardInner({ spec }: { spec: PlotSpec }) {
  const faults = useFaultSpans();
  const plot = useRef<HTMLDivElement>(null);
  const { width, height } = useSize(plot);
  const [hoverT, setHoverT] = useState<number | undefined>(undefined);
  const { rows, series } = spec;
  const last = rows.at(-1);
  const hovered = hoverT === undefined ? undefined : rowAt(rows, hoverT);

  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const area = plotArea(width, height);
    const [first, end] = timeRange(rows);
    const f = (e.clientX - box.left - area.left) / (area.right - area.left);
    setHoverT(f < 0 || f > 1 ? undefined : first + f * (end - first));
  };

  return (
    <figure className="chart-card" data-chart={spec.key}>
      <figcaption className="chart-card__title">{spec.title}</figcaption>
      <div
        ref={plot}
        className="chart-card__plot"
        role="img"
        aria-label={
          last === undefined
            ? spec.title
            : `${spec.title} at ${formatSimTime(last['t'] ?? 0)}: ${valuesText(spec, last)}`
        }
        onPointerMove={onMove}
        onPointerLeave={() => setHoverT(undefined)}
      >
        <div
          className="chart-card__svg"
          // Markup from plotSvg: every text in it is escaped there.
          dangerouslySetInnerHTML={{ __html: plotSvg(spec, width, height, faults) }}
        />
        {series.length === 0 && spec.emptyNote !== undefined && (
          <p className="chart-card__note">{spec.emptyNote}</p>
        )}
        {hovered !== undefined && (
          <div className="chart-card__readout">
            <b>t = {formatSimTime(hovered['t'] ?? 0)}</b>
            {series.map((s) => (
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
              className={`chart-card__swatch${s.dashed ? ' is-dashed' : ''}`}
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
