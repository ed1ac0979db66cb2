/** The readable summary of a run for the terminal, in the units the page uses. */
import type { LatencySummary, SimResult } from '../engine/types.ts';
import {
  formatCompact,
  formatCount,
  formatDuration,
  formatPercent,
  formatRate,
} from '../ui/run/format.ts';

const lat = (l: LatencySummary): string =>
  [l.mean, l.p50, l.p99, l.max].map(formatDuration).join(' / ');

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join('  '),
    )
    .join('\n');
}

export function formatSummary(r: SimResult): string {
  const lines: string[] = [];
  lines.push(`${r.name}  (seed ${r.seed}, ${r.durationS} s, warm-up ${r.warmupS} s)`);
  lines.push(`${formatCount(r.events)} events in ${formatDuration(r.wallMs)}`);
  if (r.truncated) lines.push(`TRUNCATED: ${r.truncated.message}`);
  lines.push('');
  lines.push(
    `requests ${formatCount(r.requests.total)}  ok ${formatCount(r.requests.ok)}  ` +
      `failed ${formatCount(r.requests.failed)}  (${formatPercent(r.errorRate)})  ` +
      `throughput ${formatRate(r.throughputRps)}`,
  );
  const errors = Object.entries(r.errors ?? {});
  if (errors.length > 0)
    lines.push(`errors: ${errors.map(([k, v]) => `${k} ${formatCount(v)}`).join(', ')}`);
  const l = r.latencyMs;
  lines.push(
    `latency  mean ${formatDuration(l.mean)}  p50 ${formatDuration(l.p50)}  ` +
      `p90 ${formatDuration(l.p90)}  p95 ${formatDuration(l.p95)}  ` +
      `p99 ${formatDuration(l.p99)}  max ${formatDuration(l.max)}`,
  );
  lines.push('');
  const rows = [
    ['node', 'type', 'arrivals', 'ok', 'failed', 'rps', 'util', 'queue', 'mean/p50/p99/max', 'hit'],
  ];
  for (const [id, node] of Object.entries(r.nodes)) {
    rows.push([
      id,
      node.type,
      formatCount(node.arrivals),
      formatCount(node.ok),
      formatCount(node.failed),
      formatCompact(node.throughputRps),
      formatPercent(node.utilization),
      formatCompact(node.meanQueueLength),
      lat(node.latencyMs),
      node.hitRatio !== undefined ? formatPercent(node.hitRatio) : '',
    ]);
  }
  lines.push(table(rows));
  return lines.join('\n');
}
