/**
 * What a draw of the live charts reads from the buffer, decided before it reads it: the busiest
 * nodes (a line each on the utilization and queue charts) and the rest (one "others" line), the
 * kinds' overview charts, the selected node's own charts, and so the series and aggregates each
 * row gives (rowFigures.ts). Worked out by the draw (LiveCharts.tsx) and, the same way, by the
 * reading of new rows ahead of it (chartDraw.ts), so both read the rows alike.
 */
import type { FrameLayout } from '../../worker/frame.ts';
import type { NodeType } from '../../model/types.ts';
import type { MetricsBuffer } from '../../store/metricsBuffer.ts';
import {
  busiestNodes,
  type NodeAggregate,
  type NodeSeries,
  type SeriesReader,
} from './chartData.ts';
import {
  nodeCharts,
  overviewCharts,
  type FigureChartSpec,
  type OverviewChart,
} from './figureCharts.ts';
import type { UtilizationsOf } from './rowUtilizations.ts';
import { regionReaders } from '../regions/regionCharts.ts';

/** Nodes with a line of their own on the utilization and queue charts; the rest are "others". */
const NODES_PER_CHART = 5;
/** The per-node columns of the utilization and queue charts, and how "others" sums them up. */
export const LOAD_COLUMNS = [
  { column: 'utilization', how: 'mean' },
  { column: 'queueLength', how: 'sum' },
] as const;
export const othersKey = (column: string) => `others:${column}`;
/** Lines on an overview chart (a kind's figure across nodes). */
const NODES_PER_OVERVIEW = 6;

export const keysOf = (spec: FigureChartSpec) => spec.figures.map((f) => f.key);

export interface ChartPlan {
  /** The selected node (the first of the selection the run has) and its own charts. */
  selected: { id: string; charts: FigureChartSpec[] } | undefined;
  /** The busiest nodes, then the others (busiestNodes). */
  busiest: { top: string[]; others: string[] };
  /** The nodes with a line of their own on the load charts: the busiest, and the selected. */
  loadIds: string[];
  /** The nodes drawn as one "others" line. */
  others: string[];
  overviews: OverviewChart[];
  /** What each row gives: the node series, the aggregates, the regions' series. */
  wanted: NodeSeries[];
  aggregates: NodeAggregate[];
  more: SeriesReader[];
}

export function chartPlan(
  buffer: MetricsBuffer,
  layout: FrameLayout,
  selectedIds: readonly string[],
  /** The busiest nodes drawn last (busiestNodes keeps them while no other is clearly busier). */
  lastTop: readonly string[],
  utilizationsOf: UtilizationsOf,
): ChartPlan {
  const selectedIndex = layout.nodeIds.findIndex((id) => selectedIds.includes(id));
  const selectedType: NodeType | undefined = layout.nodeTypes[selectedIndex];
  const selected =
    selectedType === undefined
      ? undefined
      : { id: layout.nodeIds[selectedIndex] ?? '', charts: nodeCharts(selectedType) };
  const busiest = busiestNodes(buffer, layout, NODES_PER_CHART, undefined, lastTop, utilizationsOf);
  // The selected node's load is drawn too, busy or not.
  const loadIds =
    selected && selectedType !== 'client' && !busiest.top.includes(selected.id)
      ? [...busiest.top, selected.id]
      : busiest.top;
  const others = busiest.others.filter((id) => id !== selected?.id);
  const overviews = overviewCharts(
    layout.nodeIds.map((id, i) => ({ id, type: layout.nodeTypes[i] ?? 'client' })),
    NODES_PER_OVERVIEW,
  );
  const wanted: NodeSeries[] = [
    ...loadIds.map((id) => ({ id, columns: LOAD_COLUMNS.map((c) => c.column) })),
    ...overviews.flatMap((c) => c.nodeIds.map((id) => ({ id, columns: keysOf(c) }))),
    ...(selected ? [{ id: selected.id, columns: selected.charts.flatMap(keysOf) }] : []),
  ];
  const aggregates: NodeAggregate[] =
    others.length === 0
      ? []
      : LOAD_COLUMNS.map(({ column, how }) => ({
          key: othersKey(column),
          column,
          ids: others,
          how,
        }));
  return {
    selected,
    busiest,
    loadIds,
    others,
    overviews,
    wanted,
    aggregates,
    more: regionReaders(layout),
  };
}
