/**
 * The live charts, read from the metrics buffer at most every CHART_INTERVAL_MS (less often when
 * drawing them is dear, never during a pan: drawBudget.ts; a draw spread over several animation
 * frames: chartDraw.ts): end-to-end
 * latency (log scale, mean beside the percentiles), throughput (total, ok, rejected, other
 * errors), errors by reason, utilization and queue of the busiest nodes (the rest as one
 * "others" line), the kinds' overview figures (cache hit ratio, replicas asked for and healthy
 * when they vary…), and the selected node's own charts, one per chart group its kind declares
 * (figureCharts.ts). Each chart is a spec (plotSvg.ts), drawn by ChartCard and by the export.
 */
import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import type { ScenarioNode } from '../../model/types.ts';
import { metricsHub } from '../../store/metricsHub.ts';
import { useAppStore } from '../../store/index.ts';
import { buildRows, nodeKey } from './chartData.ts';
import { ChartCard } from './ChartCard.tsx';
import type { PlotSeries, PlotSpec } from './plotSvg.ts';
import type { ErrorReason } from '../../engine/types.ts';
import { chartTitle, type FigureChartSpec, type OverviewChart } from './figureCharts.ts';
import { setShownCharts } from './shownCharts.ts';
import type { FigureDescriptor } from '../../model/kinds/figures.ts';
import { HEAT_LEGEND, heatOf } from './heatmap.ts';
import { utilizationPass } from './rowUtilizations.ts';
import { chartPlan, keysOf, othersKey } from './chartPlan.ts';
import { drawInFrames, rowMemos as newRowMemos, type RowMemos } from './chartDraw.ts';
import { budgetedChartDraw } from './drawBudget.ts';
import { keepShapes } from './chartShapes.ts';
import { viewSettlesIn } from '../canvas/viewMotion.ts';
import { openTracesFromChart, TracesEntry } from '../traces/TracesEntry.tsx';
import { classTable } from '../../engine/classes/classTable.ts';
import { regionCharts } from '../regions/regionCharts.ts';

const PALETTE = ['#3b6cf6', '#f06543', '#14a06f', '#a855f7', '#e0a100', '#0ea5a4'];
const REASON_COLORS: Record<ErrorReason, string> = {
  rejected: '#d64545',
  timeout: '#e08a00',
  unavailable: '#7c3aed',
  shed: '#0ea5a4',
  rateLimited: '#e0a100',
  circuitOpen: '#2f4a6d',
  lost: '#8a93a3',
  error: '#b4235a',
  bulkheadFull: '#5b6b2f',
  bulkheadTimeout: '#8f9a3a',
};
const OTHERS_COLOR = '#8a93a3';

const color = (i: number) => PALETTE[i % PALETTE.length] ?? '#333';

/**
 * The charts, worked out from the buffer at most every CHART_INTERVAL_MS and handed to the cards
 * (shownCharts.ts), which draw their new rows themselves. React renders the grid only when its
 * shape changes (a chart or a series comes or goes, a legend's name changes), in a transition,
 * and then only the cards whose shape changed (keepShapes).
 */
export default function LiveCharts() {
  const selectedIds = useAppStore((s) => s.selectedIds);
  const labels = useNodeLabels();
  const classNames = useSelectedClassNames(selectedIds);
  const [specs, setSpecs] = useState<PlotSpec[] | undefined>(undefined);
  const lastTop = useRef<string[]>([]);
  /** What the draws remember of each buffer row from one draw to the next (rowMemo.ts). */
  const memos = useRef<RowMemos>(undefined);
  useEffect(() => {
    const rowMemos = (memos.current ??= newRowMemos());
    const label = (id: string) => labels.get(id) ?? id;
    /** The charts worked out step by step, then handed to the cards and to React. */
    function* drawSteps(): Generator<void, void> {
      const next = yield* chartSpecSteps(selectedIds, label, classNames, lastTop, rowMemos);
      setShownCharts(next ?? []);
      startTransition(() => setSpecs((old) => keepShapes(old, next)));
    }
    // A new selection is drawn at once; new windows when the budget and the canvas allow, over
    // several frames (chartDraw.ts).
    for (const steps = drawSteps(); steps.next().done !== true;);
    let drop = () => {};
    const draws = budgetedChartDraw((done) => {
      drop = drawInFrames(drawSteps, rowMemos, selectedIds, lastTop, done);
    }, viewSettlesIn);
    const unsubscribe = metricsHub.charts.subscribe(() =>
      useAppStore.getState().runStatus === 'running' ? draws.request() : draws.requestLast(),
    );
    return () => {
      unsubscribe();
      draws.stop();
      drop();
    };
  }, [selectedIds, labels, classNames]);

  if (specs === undefined) {
    return (
      <p className="charts-panel__empty">
        Press Run to see latency, throughput and errors over time.
      </p>
    );
  }
  return (
    <>
      <TracesEntry />
      <div className="charts-panel__grid">
        {specs.map((spec) => (
          <ChartCard key={spec.key} spec={spec} onPointClick={openTracesFromChart} />
        ))}
      </div>
    </>
  );
}

/** The nodes' ids and labels as one string, once per node list (a selector runs on every change). */
const labelKeys = new WeakMap<readonly ScenarioNode[], string>();
function labelKeyOf(nodes: readonly ScenarioNode[]): string {
  let key = labelKeys.get(nodes);
  if (key === undefined) {
    key = JSON.stringify(nodes.map((n) => [n.id, n.label]));
    labelKeys.set(nodes, key);
  }
  return key;
}

/**
 * The nodes' labels by id, the same map until a label or the set of nodes changes: dragging a
 * node makes a new node list on every pointer move, and each used to redraw every chart.
 */
function useNodeLabels(): ReadonlyMap<string, string> {
  const key = useAppStore((s) => labelKeyOf(s.doc.nodes));
  return useMemo(() => new Map(JSON.parse(key) as Array<[string, string]>), [key]);
}

/**
 * The selected node's class slots by name (a class figure's legend is its class's name): a
 * client's own classes in its order, elsewhere the document's; the same list until they change.
 */
function useSelectedClassNames(selectedIds: readonly string[]): readonly string[] {
  const key = useAppStore((s) => {
    const n = s.doc.nodes.find((x) => selectedIds.includes(x.id));
    // A client's slots are its own classes; any other node's, the document's (as numbered).
    if (n === undefined) return '';
    const names = n.type === 'client' ? (n.params.classes ?? []).map((c) => c.name) : null;
    return (names ?? classTable(s.doc).names).join('\n');
  });
  return useMemo(() => (key === '' ? [] : key.split('\n')), [key]);
}

/**
 * Every chart to draw now, from the buffer (undefined before the first window), worked out in
 * three steps (the ranking, the lines, the heatmap: each a few milliseconds on 100 nodes, 3–6 on
 * 500), each of which may be run in a frame of its own (chartDraw.ts): a step yields.
 */
function* chartSpecSteps(
  selectedIds: readonly string[],
  label: (id: string) => string,
  classNames: readonly string[],
  /** The busiest nodes drawn last (busiestNodes keeps them while no other is clearly busier). */
  lastTop: { current: string[] },
  memos: RowMemos,
): Generator<void, PlotSpec[] | undefined> {
  const layout = metricsHub.layout;
  if (layout === undefined || metricsHub.buffer.length === 0) return undefined;
  // The rows' utilizations, read from the buffer once for the ranking and the heatmap.
  const utilizations = utilizationPass(memos.utilization, layout);
  const plan = chartPlan(metricsHub.buffer, layout, selectedIds, lastTop.current, utilizations.of);
  const { selected, busiest, loadIds, others, overviews } = plan;
  lastTop.current = busiest.top;
  yield;
  // A new run since the last step: its first draw is the next one's.
  if (metricsHub.layout !== layout) return undefined;
  const data = buildRows(
    metricsHub.buffer,
    layout,
    plan.wanted,
    undefined,
    plan.aggregates,
    plan.more,
    memos.rows,
  );
  const { rows, reasons, seen, changed } = data;

  const perNode = (column: string, ids: readonly string[], step = false): PlotSeries[] =>
    ids.map((id, i) => ({ key: nodeKey(column, id), name: label(id), color: color(i), step }));
  /** The busiest nodes' lines, then one line for all the others. */
  const load = (column: string, how: 'mean' | 'sum'): PlotSeries[] => [
    ...perNode(column, loadIds),
    ...(others.length === 0
      ? []
      : [
          {
            key: othersKey(column),
            name: `${others.length} others (${how === 'mean' ? 'mean' : 'total'})`,
            color: OTHERS_COLOR,
            dashed: true,
          },
        ]),
  ];

  const global: PlotSpec[] = [
    {
      key: 'latency',
      title: 'End-to-end latency',
      rows,
      kind: { unit: 'ms' },
      log: true,
      emptyNote: 'No successful answer so far.',
      series: [
        { key: 'p50', name: 'p50', color: '#14a06f' },
        { key: 'p95', name: 'p95', color: '#e0a100' },
        { key: 'p99', name: 'p99', color: '#d64545' },
        { key: 'mean', name: 'mean', color: '#3b6cf6', dashed: true },
      ],
    },
    {
      key: 'throughput',
      title: 'Throughput',
      rows,
      kind: { unit: 'req/s' },
      series: [
        { key: 'total', name: 'total', color: '#1c2330' },
        { key: 'ok', name: 'ok', color: '#1f9d55' },
        { key: 'rejected', name: 'rejected', color: '#d64545' },
        { key: 'errors', name: 'other errors', color: '#e08a00' },
        // Goodput (ok, in time, not a fallback) only when it differs from ok.
        ...(data.goodputDiffers
          ? [{ key: 'goodput', name: 'goodput', color: '#1d4ed8', dashed: true }]
          : []),
      ],
    },
    {
      key: 'errors',
      title: 'Errors by reason',
      rows,
      kind: { unit: 'req/s' },
      emptyNote: 'No errors so far.',
      series: reasons.map((r) => ({ key: r, name: r, color: REASON_COLORS[r] })),
    },
  ];
  // The selected node's own charts come after the three the whole run is read by, so those
  // stay in the first row whatever is selected.
  const own: PlotSpec[] = selected
    ? selected.charts
        // A chart for figures the node has not reported (write-behind off…) would stay empty.
        .filter((spec) => keysOf(spec).some((key) => seen.has(nodeKey(key, selected.id))))
        .map((spec) => ({
          key: `node:${spec.group}`,
          title: chartTitle(`${label(selected.id)}: `, spec),
          rows,
          ...figureScale(spec),
          series: spec.figures
            .filter((f) => seen.has(nodeKey(f.key, selected.id)))
            .map((f, i) => ({
              key: nodeKey(f.key, selected.id),
              name: classLegend(f, classNames) ?? legendName(f),
              color: color(i),
              step: spec.step,
            })),
        }))
    : [];
  const loadCharts: PlotSpec[] = [
    {
      key: 'utilization',
      title: 'Utilization',
      rows,
      kind: { unit: '', ratio: true },
      yMax: 1,
      series: load('utilization', 'mean'),
    },
    {
      key: 'queue',
      title: 'Queue (waiting)',
      rows,
      kind: { unit: 'requests' },
      series: load('queueLength', 'sum'),
    },
  ];
  // Beyond a handful of nodes, where every one of them stands (the lines show the top five).
  if (busiest.others.length > 0) {
    yield;
    if (metricsHub.layout !== layout) return undefined;
    const ranked = [...busiest.top, ...busiest.others];
    const heat = heatOf(metricsHub.buffer, layout, ranked, label, undefined, utilizations.of);
    loadCharts.splice(1, 0, {
      key: 'heatmap',
      title: `Utilization of all ${ranked.length} nodes`,
      // Its own columns' times: windows may have come since the lines were worked out.
      rows: heat.times.map((t) => ({ t })),
      kind: { unit: '', ratio: true },
      series: HEAT_LEGEND,
      heat,
    });
  }
  utilizations.end();
  const overviewSpecs = overviews.flatMap((spec): PlotSpec[] => {
    const ids = overviewIds(spec, changed);
    if (ids.length === 0) return [];
    const title = chartTitle('', spec);
    return [
      {
        key: `overview:${keysOf(spec)[0] ?? ''}`,
        title: title.charAt(0).toUpperCase() + title.slice(1),
        rows,
        ...figureScale(spec),
        series: overviewSeries(spec, ids, label),
      },
    ];
  });
  // The regions' users are the whole run's too: their charts follow the three global ones.
  const regions = regionCharts(layout, rows, seen, color);
  return [...global, ...regions, ...own, ...loadCharts, ...overviewSpecs];
}

/** The nodes an overview chart draws: all, or those whose figure changed during the run. */
function overviewIds(spec: OverviewChart, changed: ReadonlySet<string>): string[] {
  const key = keysOf(spec)[0] ?? '';
  return spec.varyingOnly
    ? spec.nodeIds.filter((id) => changed.has(nodeKey(key, id)))
    : spec.nodeIds;
}

/**
 * One line per node and figure: a chart of one figure names its lines by node; a chart of
 * several (replicas asked for and healthy) gives each node one colour, a figure after the first
 * dashed.
 */
function overviewSeries(
  spec: OverviewChart,
  ids: readonly string[],
  label: (id: string) => string,
): PlotSeries[] {
  return ids.flatMap((id, i) =>
    spec.figures.map((f, k) => ({
      key: nodeKey(f.key, id),
      name: spec.figures.length === 1 ? label(id) : `${label(id)}: ${legendName(f)}`,
      color: color(i),
      step: spec.step,
      dashed: k > 0,
    })),
  );
}

/** A class figure's line: its class's name (undefined for other figures). */
function classLegend(f: FigureDescriptor, classNames: readonly string[]): string | undefined {
  const slot = f.chart?.classSlot;
  return slot === undefined ? undefined : classNames[slot];
}

/** A figure's line in a legend: "asked for" beside "healthy (up)", not "Replicas", "Healthy". */
const legendName = (f: FigureDescriptor) => f.chart?.legend ?? f.label;

/** How a chart of a kind's figures is scaled: its unit, ratios on 0..1, times on a log axis. */
function figureScale(spec: FigureChartSpec): Pick<PlotSpec, 'kind' | 'yMax' | 'log'> {
  if (spec.yMax !== undefined) return { kind: { unit: '', ratio: true }, yMax: spec.yMax };
  return spec.unit === 'ms' ? { kind: { unit: 'ms' }, log: true } : { kind: { unit: spec.unit } };
}
