/** The readable summary of a run for the terminal. */
import type { LatencySummary, SimResult } from '../engine/types.ts';

const n = (x: number, digits = 1): string => x.toFixed(digits);
const lat = (l: LatencySummary): string => `${n(l.mean)} / ${n(l.p50)} / ${n(l.p99)} / ${n(l.max)}`;

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
  lines.push(`${r.events} events in ${r.wallMs} ms`);
  if (r.truncated) lines.push(`TRUNCATED: ${r.truncated.message}`);
  lines.push('');
  lines.push(
    `requests ${r.requests.total}  ok ${r.requests.ok}  failed ${r.requests.failed}  ` +
      `(${n(r.errorRate * 100, 2)} %)  throughput ${n(r.throughputRps, 2)} rps`,
  );
  const errors = Object.entries(r.errors ?? {});
  if (errors.length > 0) lines.push(`errors: ${errors.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  lines.push(
    `latency ms  mean ${n(r.latencyMs.mean)}  p50 ${n(r.latencyMs.p50)}  p90 ${n(r.latencyMs.p90)}  ` +
      `p95 ${n(r.latencyMs.p95)}  p99 ${n(r.latencyMs.p99)}  max ${n(r.latencyMs.max)}`,
  );
  lines.push('');
  const rows = [
    [
      'node',
      'type',
      'arrivals',
      'ok',
      'failed',
      'rps',
      'util',
      'queue',
      'ms mean/p50/p99/max',
      'hit',
    ],
  ];
  for (const [id, node] of Object.entries(r.nodes)) {
    rows.push([
      id,
      node.type,
      String(node.arrivals),
      String(node.ok),
      String(node.failed),
      n(node.throughputRps, 2),
      n(node.utilization, 3),
      n(node.meanQueueLength, 2),
      lat(node.latencyMs),
      node.hitRatio !== undefined ? n(node.hitRatio, 3) : '',
    ]);
  }
  lines.push(table(rows));
  return lines.join('\n');
}
