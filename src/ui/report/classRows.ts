/**
 * The report's rows for a per-class figure (nature 'byClass', src/model/kinds/classes.ts): for
 * each class the nodes report, its throughput, error rate and latency percentiles, one row each.
 */
import type { FigureDescriptor } from '../../model/kinds/figures.ts';
import type { CellNature, CellValue, ReportRow } from './reportModel.ts';

type Rec = Readonly<Record<string, unknown>>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a class reports, row by row: the path inside the class's figures, its words and unit. */
const PARTS: ReadonlyArray<{ path: string[]; label: string; unit: string; nature: CellNature }> = [
  { path: ['throughputRps'], label: 'throughput', unit: 'req/s', nature: 'rate' },
  { path: ['errorRate'], label: 'error rate', unit: '', nature: 'ratio' },
  { path: ['latencyMs', 'mean'], label: 'mean', unit: 'ms', nature: 'time' },
  { path: ['latencyMs', 'p50'], label: 'p50', unit: 'ms', nature: 'time' },
  { path: ['latencyMs', 'p99'], label: 'p99', unit: 'ms', nature: 'time' },
];

function at(v: unknown, path: readonly string[]): CellValue {
  let x = v;
  for (const k of path) x = isRec(x) ? x[k] : undefined;
  return typeof x === 'number' ? x : undefined;
}

export function classRows(
  f: FigureDescriptor,
  values: readonly unknown[],
  base: { help: string; fromWindow: boolean },
): ReportRow[] {
  const names = [...new Set(values.flatMap((v) => (isRec(v) ? Object.keys(v) : [])))];
  return names.flatMap((name) =>
    PARTS.map((part) => ({
      ...base,
      id: `result:${f.key}.${name}.${part.path.join('.')}`,
      path: [f.key, name, ...part.path],
      label: `${f.label}: ${name} ${part.label}`,
      unit: part.unit,
      nature: part.nature,
      cells: values.map((v) => (isRec(v) ? at(v[name], part.path) : undefined)),
    })),
  );
}
