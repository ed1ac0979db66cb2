/**
 * The live charts, read from the metrics buffer at most every CHART_INTERVAL_MS: end-to-end
 * latency, throughput ok vs failed, errors by reason, utilization and queue per node, cache hit
 * ratio, replicas when they vary, and the selected node's own figures.
 */
import { startTransition, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { metricsHub } from '../../store/metricsHub.ts';
import { useAppStore } from '../../store/index.ts';
import { buildRows, busiestNodes, nodeKey } from './chartData.ts';
import { ChartCard, type Series } from './ChartCard.tsx';
import type { ErrorReason } from '../../engine/types.ts';

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
const NODES_PER_CHART = 5;

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
    const selected = selectedIds.find((id) => layout.nodeIds.includes(id));
    const busiest = busiestNodes(metricsHub.buffer, layout, NODES_PER_CHART);
    const caches = layout.nodeIds.filter((_, i) => layout.nodeTypes[i] === 'cache').slice(0, 4);
    const services = layout.nodeIds.filter((_, i) => layout.nodeTypes[i] === 'service').slice(0, 6);
    const wanted = [
      ...new Set([...busiest, ...caches, ...services, ...(selected ? [selected] : [])]),
    ];
    return { ...buildRows(metricsHub.buffer, layout, wanted), busiest, caches, selected };
  }, [version, selectedIds]);

  if (data === undefined) {
    return (
      <p className="charts-panel__empty">
        Press Run to see latency, throughput and errors over time.
      </p>
    );
  }
  const label = (id: string) => nodes.find((n) => n.id === id)?.label ?? id;
  const perNode = (series: 'u' | 'q' | 'h' | 'r', ids: readonly string[]): Series[] =>
    ids.map((id, i) => ({
      key: nodeKey(series, id),
      name: label(id),
      color: PALETTE[i % PALETTE.length] ?? '#333',
    }));
  const { rows, reasons, busiest, caches, varyingReplicas, selected, goodputDiffers } = data;
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
        ]}
      />
      <ChartCard
        live={live}
        title="Throughput (req/s)"
        rows={rows}
        unit=" req/s"
        stacked
        series={[
          { key: 'failed', name: 'failed', color: '#d64545' },
          { key: 'ok', name: 'ok', color: '#1f9d55' },
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
        stacked
        emptyNote="No errors so far."
        series={reasons.map((r) => ({ key: r, name: r, color: REASON_COLORS[r] }))}
      />
      {/* The selected node's own charts come after the three the whole run is read by, so
          those stay in the first row whatever is selected. */}
      {selected !== undefined && (
        <ChartCard
          live={live}
          title={`${label(selected)}: latency at this node`}
          rows={rows}
          unit=" ms"
          series={[
            { key: nodeKey('p50', selected), name: 'p50', color: PALETTE[0] ?? '' },
            { key: nodeKey('p99', selected), name: 'p99', color: PALETTE[1] ?? '' },
          ]}
        />
      )}
      {selected !== undefined && (
        <ChartCard
          live={live}
          title={`${label(selected)}: throughput and queue`}
          rows={rows}
          series={[
            { key: nodeKey('t', selected), name: 'req/s', color: PALETTE[2] ?? '' },
            { key: nodeKey('q', selected), name: 'waiting', color: PALETTE[3] ?? '' },
          ]}
        />
      )}
      <ChartCard
        live={live}
        title="Utilization"
        rows={rows}
        yMax={1}
        series={perNode('u', busiest)}
      />
      <ChartCard live={live} title="Queue (waiting)" rows={rows} series={perNode('q', busiest)} />
      {caches.length > 0 && (
        <ChartCard
          live={live}
          title="Cache hit ratio"
          rows={rows}
          yMax={1}
          series={perNode('h', caches)}
        />
      )}
      {varyingReplicas.length > 0 && (
        <ChartCard
          live={live}
          title="Replicas"
          rows={rows}
          series={perNode('r', varyingReplicas)}
        />
      )}
    </div>
  );
}
