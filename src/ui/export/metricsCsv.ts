/**
 * The metric timeline as CSV: one row per window held in the run's metrics buffer (recent
 * windows at full resolution, older ones averaged), the global columns first, then each node's
 * and each edge's columns named `id.column`, each region's `regions.NAME.column`. Missing figures are empty cells.
 */
import type { MetricsBuffer } from '../../store/metricsBuffer.ts';
import { EDGE_COLUMNS, GLOBAL_COLUMNS, REGION_COLUMNS } from '../../worker/frame.ts';

function cell(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '';
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
}

/** Ids are `A-Z a-z 0-9 _ -`, so they need no quoting; the header is safe as is. */
export function metricsCsv(buffer: MetricsBuffer): string {
  const layout = buffer.layout;
  if (!layout) return '';
  const header = [
    ...GLOBAL_COLUMNS,
    ...layout.nodeIds.flatMap((id) => layout.nodeColumns.map((c) => `${id}.${c}`)),
    ...layout.edgeIds.flatMap((id) => EDGE_COLUMNS.map((c) => `${id}.${c}`)),
    ...layout.regionNames.flatMap((name) => REGION_COLUMNS.map((c) => `regions.${name}.${c}`)),
  ];
  const lines = [header.join(',')];
  buffer.forEachRow((data, offset) => {
    const row: string[] = [];
    for (let k = 0; k < layout.stride; k++) row.push(cell(data[offset + k]));
    lines.push(row.join(','));
  });
  return lines.join('\n') + '\n';
}
