/**
 * The live charts, read from the metrics buffer at most every CHART_INTERVAL_MS: end-to-end
 * latency, throughput ok vs failed, errors by reason, utilization and queue per node, the
 * kinds' overview figures (cache hit ratio, replicas when they vary…), and the selected node's
 * own charts, one per chart group its kind declares (figureCharts.ts).
 */
import { startTransition, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { metricsHub } from '../../store/metricsHub.ts';
import { useAppStore } from '../../store/index.ts';
import {
  buildRows,
  busiestNodes,
  nodeKey,
  type NodeAggregate,
  type NodeSeries,
} from './chartData.ts';
import { ChartCard, type Series } from './ChartCard.tsx';
import type { ErrorReason } from '../../engine/types.ts';
import { chartTitle, nodeCharts, overviewCharts, type FigureChartSpec } from './figureCharts.ts';

const PALETTE = ['#3b6cf6', '#f06543', '#14a06f', '#a855f7', '#e0a100', '#0ea5a4'];
const REASON_COLORS: Record<ErrorReason, string> = {
  rejected: '#d64545',
  timeout: '#e08a00',
  unavailable: '#7c3aed',
  shed: '#0ea5a4',
  rateLimited: '#e0a100',
  circuitOpen: '#2f4a6d',
  lost: '#8a93a3',
};
/** Nodes with a line of their own on the utilization and queue charts; the rest are "others". */
const NODES_PER_CHART = 5;
const OTHERS_COLOR = '#8a93a3';
/** The per-node columns of the utilization and queue charts, and how "others" sums them up. */
const LOAD_COLUMNS = [
  { column: 'utilization', how: 'mean' },
  { column: 'queueLength', how: 'sum' },
] as const;
const othersKey = (column: string) => `others:${column}`;
/** Lines on an overview chart (a kind's figure across nodes). */
const NODES_PER_OVERVIEW = 6;

/**
 * The buffer's version, moved in a transition: React renders the charts in slices between
 * animation frames instead of in one long task, so the canvas keeps drawing at Max speed.
 */
function useChartsVersion(): number {
  const [version, setVersion] = useState(metricsHub.charts.getVersion);
  useEffect(
    () =>
      metricsHub.charts.subscribe(() =>
        startTransition(() => setVersion(metricsHub.charts.getVersion())),
      ),
    [],
  );
  return version;
}

export default function LiveCharts() {
  const version = useChartsVersion();
  const selectedIds = useAppStore((s) => s.selectedIds);
  const nodes = useAppStore((s) => s.doc.nodes);
  // Deferred: the switch between the live plot and the full charts renders as a transition.
  const live = useDeferredValue(useAppStore((s) => s.runStatus === 'running'));
  const data = useMemo(() => {
    void version; // recompute when the buffer moved
    const layout = metricsHub.layout;
    if (layout === undefined || metricsHub.buffer.length === 0) return undefined;
    const selectedIndex = layout.nodeIds.findIndex((id) => selectedIds.includes(id));
    const selectedType = layout.nodeTypes[selectedIndex];
    const selected =
      selectedType === undefined
        ? undefined
        : { id: layout.nodeIds[selectedIndex] ?? '', charts: nodeCharts(selectedType) };
    const busiest = busiestNodes(metricsHub.buffer, layout, NODES_PER_CHART);
    const overviews = overviewCharts(
      layout.nodeIds.map((id, i) => ({ id, type: layout.nodeTypes[i] ?? 'client' })),
      NODES_PER_OVERVIEW,
    );
    const wanted: NodeSeries[] = [
      ...busiest.top.map((id) => ({ id, columns: LOAD_COLUMNS.map((c) => c.column) })),
      ...overviews.flatMap((c) => c.nodeIds.map((id) => ({ id, columns: keysOf(c) }))),
      ...(selected ? [{ id: selected.id, columns: selected.charts.flatMap(keysOf) }] : []),
    ];
    const others: NodeAggregate[] =
      busiest.others.length === 0
        ? []
        : LOAD_COLUMNS.map(({ column, how }) => ({
            key: othersKey(column),
            column,
            ids: busiest.others,
            how,
          }));
    return {
      ...buildRows(metricsHub.buffer, layout, wanted, undefined, others),
      busiest,
      overviews,
      selected,
    };
  }, [version, selectedIds]);

  if (data === undefined) {
    return (
      <p className="charts-panel__empty">
        Press Run to see latency, throughput and errors over time.
      </p>
    );
  }
  const label = (id: string) => nodes.find((n) => n.id === id)?.label ?? id;
  const color = (i: number) => PALETTE[i % PALETTE.length] ?? '#333';
  const perNode = (column: string, ids: readonly string[], step = false): Series[] =>
    ids.map((id, i) => ({ key: nodeKey(column, id), name: label(id), color: color(i), step }));
  /** The busiest nodes' lines, then one line for all the others. */
  const load = (column: string, how: 'mean' | 'sum'): Series[] => [
    ...perNode(column, busiest.top),
    ...(busiest.others.length === 0
      ? []
      : [
          {
            key: othersKey(column),
            name: `${busiest.others.length} others (${how === 'mean' ? 'mean' : 'total'})`,
            color: OTHERS_COLOR,
            overlay: true,
          },
        ]),
  ];
  const { rows, reasons, busiest, overviews, seen, changed, selected, goodputDiffers } = data;
  return (
    <div className="charts-panel__grid">
      <ChartCard
        live={live}
        title="End-to-end latency (ms)"
        rows={rows}
        unit=" ms"
        series={[
          { key: 'p50', name: 'p50', color: '#14a06f' },
          { key: 'p95', name: 'p95', color: '#e0a100' },
          { key: 'p99', name: 'p99', color: '#d64545' },
          { key: 'mean', name: 'mean', color: '#3b6cf6', overlay: true },
        ]}
      />
      <ChartCard
        live={live}
        title="Throughput (req/s)"
        rows={rows}
        unit=" req/s"
        series={[
          { key: 'total', name: 'total', color: '#1c2330' },
          { key: 'ok', name: 'ok', color: '#1f9d55' },
          { key: 'errors', name: 'errors', color: '#e08a00' },
          { key: 'rejected', name: 'rejected', color: '#d64545' },
          // Goodput (ok, in time, not a fallback) only when it differs from ok.
          ...(goodputDiffers
            ? [{ key: 'goodput', name: 'goodput', color: '#1d4ed8', overlay: true }]
            : []),
        ]}
      />
      <ChartCard
        live={live}
        title="Errors by reason (per s)"
        rows={rows}
        unit=" /s"
        emptyNote="No errors so far."
        series={reasons.map((r) => ({ key: r, name: r, color: REASON_COLORS[r] }))}
      />
      {/* The selected node's own charts come after the three the whole run is read by, so
          those stay in the first row whatever is selected. */}
      {selected?.charts
        // A chart for figures the node has not reported (write-behind off…) would stay empty.
        .filter((spec) => keysOf(spec).some((key) => seen.has(nodeKey(key, selected.id))))
        .map((spec) => (
          <ChartCard
            key={spec.group}
            live={live}
            title={chartTitle(`${label(selected.id)}: `, spec)}
            rows={rows}
            {...chartScale(spec)}
            series={spec.figures
              .filter((f) => seen.has(nodeKey(f.key, selected.id)))
              .map((f, i) => ({
                key: nodeKey(f.key, selected.id),
                name: f.label,
                color: color(i),
                step: spec.step,
              }))}
          />
        ))}
      <ChartCard
        live={live}
        title="Utilization"
        rows={rows}
        yMax={1}
        series={load('utilization', 'mean')}
      />
      <ChartCard
        live={live}
        title="Queue (waiting)"
        rows={rows}
        series={load('queueLength', 'sum')}
      />
      {overviews.map((spec) => {
        const key = keysOf(spec)[0] ?? '';
        const ids = spec.varyingOnly
          ? spec.nodeIds.filter((id) => changed.has(nodeKey(key, id)))
          : spec.nodeIds;
        if (ids.length === 0) return null;
        const title = chartTitle('', spec);
        return (
          <ChartCard
            key={key}
            live={live}
            title={title.charAt(0).toUpperCase() + title.slice(1)}
            rows={rows}
            {...chartScale(spec)}
            series={perNode(key, ids, spec.step)}
          />
        );
      })}
    </div>
  );
}

const keysOf = (spec: FigureChartSpec) => spec.figures.map((f) => f.key);

/** A chart's unit (after the value) and fixed range, from its figures. */
function chartScale(spec: FigureChartSpec): { unit: string; yMax?: number } {
  const unit = spec.unit === '' ? '' : ` ${spec.unit}`;
  return spec.yMax === undefined ? { unit } : { unit, yMax: spec.yMax };
}
