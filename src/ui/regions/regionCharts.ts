/**
 * The charts of a document with `regions`: one per chart group its region figures declare
 * (src/model/kinds/regionFigures.ts), each region a colour (the second figure of a group
 * dashed): the users' p50 and p99 region by region, and the share of their requests that
 * succeeded. Read from the frame's region columns in the same pass as every other series.
 */
import type { FigureDescriptor } from '../../model/kinds/figures.ts';
import { REGION_FIGURES } from '../../model/kinds/regionFigures.ts';
import { regionOffset, type FrameLayout } from '../../worker/frame.ts';
import type { ChartRow, SeriesReader } from '../charts/chartData.ts';
import type { PlotSeries, PlotSpec } from '../charts/plotSvg.ts';

/** A region figure's series key in a chart row. */
const regionKey = (column: string, region: string) => `region:${column}:${region}`;

const CHARTED: readonly FigureDescriptor[] = REGION_FIGURES.filter((f) => 'chart' in f);

/** The charted figures, by chart group, in declaration order. */
const GROUPS = [...new Set(CHARTED.map((f) => f.chart!.group))].map((group) => ({
  group,
  figures: CHARTED.filter((f) => f.chart!.group === group),
}));

/** What the chart rows read for the regions' lines. */
export function regionReaders(layout: FrameLayout): SeriesReader[] {
  return layout.regionNames.flatMap((name, i) =>
    CHARTED.map((f) => ({
      key: regionKey(f.key, name),
      offset: regionOffset(layout, i, f.key),
      okOffset: undefined,
    })),
  );
}

/** The region charts over `rows`, each line a region's figure that has a value somewhere. */
export function regionCharts(
  layout: FrameLayout,
  rows: ChartRow[],
  seen: ReadonlySet<string>,
  color: (i: number) => string,
): PlotSpec[] {
  return GROUPS.flatMap(({ group, figures }): PlotSpec[] => {
    const series: PlotSeries[] = layout.regionNames.flatMap((name, i) =>
      figures.map((f, k) => ({
        key: regionKey(f.key, name),
        name: figures.length === 1 ? name : `${name}: ${f.chart?.legend ?? f.label}`,
        color: color(i),
        dashed: k > 0,
      })),
    );
    const shown = series.filter((s) => seen.has(s.key));
    if (shown.length === 0) return [];
    const unit = figures[0]!.unit;
    const ratio = figures[0]!.nature === 'ratio';
    return [
      {
        key: `region:${group}`,
        title: `${group.charAt(0).toUpperCase()}${group.slice(1)}${unit ? ` (${unit})` : ''}`,
        rows,
        series: shown,
        ...(ratio
          ? { kind: { unit: '', ratio: true }, yMax: 1 }
          : { kind: { unit }, log: unit === 'ms' }),
      },
    ];
  });
}
