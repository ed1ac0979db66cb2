/**
 * Which charts a node's figures get, read from its kind's declared figures: one chart per chart
 * group for the selected node, and one chart per overview figure across the nodes that report
 * it. A new kind's figures get charts with no edit here.
 */
import type { FigureDescriptor } from '../../model/kinds/figures.ts';
import { figuresOf } from '../../model/kinds/kindFigures.ts';
import type { NodeType } from '../../model/types.ts';

export interface FigureChartSpec {
  /** The chart group, e.g. 'latency at this node'. */
  group: string;
  /** The figures' unit ('' for ratios and plain numbers). */
  unit: string;
  /** Ratios are drawn on 0..1. */
  yMax: number | undefined;
  /** Whole values that jump: drawn as steps. */
  step: boolean;
  figures: FigureDescriptor[];
}

function specOf(f: FigureDescriptor): FigureChartSpec {
  return {
    group: f.chart?.group ?? f.key,
    unit: f.unit,
    yMax: f.nature === 'ratio' ? 1 : undefined,
    step: f.chart?.style === 'step',
    figures: [f],
  };
}

/** The selected node's charts: its figures with a chart, grouped, in declaration order. */
export function nodeCharts(type: NodeType): FigureChartSpec[] {
  const groups = new Map<string, FigureChartSpec>();
  for (const f of figuresOf(type)) {
    if (f.chart === undefined) continue;
    const spec = groups.get(f.chart.group);
    if (spec === undefined) groups.set(f.chart.group, specOf(f));
    else spec.figures.push(f);
  }
  return [...groups.values()];
}

export interface OverviewChart extends FigureChartSpec {
  /** The nodes of kinds that report this figure, in the document's order. */
  nodeIds: string[];
  /** Draw only the nodes whose value changed during the run. */
  varyingOnly: boolean;
}

/** The charts drawn with nothing selected: one per overview figure, over the nodes that have it. */
export function overviewCharts(
  nodes: ReadonlyArray<{ id: string; type: NodeType }>,
  limit: number,
): OverviewChart[] {
  const charts = new Map<string, OverviewChart>();
  for (const { id, type } of nodes)
    for (const f of figuresOf(type)) {
      const overview = f.chart?.overview;
      if (overview === undefined) continue;
      const chart = charts.get(f.key) ?? {
        ...specOf(f),
        // The figure's chart group: replicas asked for are drawn with the healthy ones.
        figures: figuresOf(type).filter((g) => g.chart?.group === f.chart?.group),
        nodeIds: [],
        varyingOnly: overview === 'varying',
      };
      if (chart.nodeIds.length < limit) chart.nodeIds.push(id);
      charts.set(f.key, chart);
    }
  return [...charts.values()];
}

/** "API: latency at this node (ms)": the unit unless the group already says it. */
export function chartTitle(prefix: string, spec: FigureChartSpec): string {
  const unit = spec.unit === '' || spec.group.includes(spec.unit) ? '' : ` (${spec.unit})`;
  return `${prefix}${spec.group}${unit}`;
}
