import type { FigureDescriptor } from './figures.ts';

/**
 * What a run reports per region of a document with `regions` (`result.regions` in the headless
 * JSON, and each live window): the requests of the clients placed in the region (its users),
 * end to end, and how long the region was up. The run report's "Regions" table has a row for
 * each; the charts draw each figure with a `chart` as one line per region.
 */
export const REGION_FIGURES = [
  {
    key: 'ok',
    label: 'OK',
    unit: 'requests',
    help: "Requests of the region's clients answered successfully (in the result: created after warm-up).",
    nature: 'count',
    where: 'both',
  },
  {
    key: 'failed',
    label: 'Failed',
    unit: 'requests',
    help: "Requests of the region's clients that failed, whatever the reason.",
    nature: 'count',
    where: 'both',
  },
  {
    key: 'availability',
    label: 'Request availability',
    unit: '',
    help: "Share of the region's requests that succeeded: OK / (OK + failed). Absent when none ended.",
    nature: 'ratio',
    where: 'both',
    replicated: true,
    optional: true,
    chart: { group: 'availability by region', style: 'line' },
  },
  {
    key: 'throughputRps',
    label: 'Throughput',
    unit: 'req/s',
    help: "OK answers per second to the region's clients.",
    nature: 'rate',
    where: 'both',
    replicated: true,
  },
  {
    key: 'latencyMs',
    label: 'Latency',
    unit: 'ms',
    help: "End-to-end latency of the region's successful requests, over all its clients (each client's own histogram, merged). Absent when none succeeded.",
    nature: 'summary',
    parts: ['mean', 'p50', 'p90', 'p95', 'p99', 'max'],
    where: 'result',
    optional: true,
  },
  {
    key: 'p50Ms',
    label: 'p50',
    unit: 'ms',
    help: "Median end-to-end latency of the region's successful requests over the window. Absent when none succeeded.",
    nature: 'time',
    where: 'window',
    optional: true,
    chart: { group: 'latency by region', style: 'line', legend: 'p50' },
  },
  {
    key: 'p99Ms',
    label: 'p99',
    unit: 'ms',
    help: "99th-percentile end-to-end latency of the region's successful requests over the window. Absent when none succeeded.",
    nature: 'time',
    where: 'window',
    optional: true,
    chart: { group: 'latency by region', style: 'line', legend: 'p99' },
  },
  {
    key: 'upShare',
    label: 'Up',
    unit: '',
    help: 'Share of the time (in the result: after warm-up) the region was not under a `regionDown` fault.',
    nature: 'ratio',
    where: 'both',
  },
] as const satisfies readonly FigureDescriptor[];

/** Any region figure, as written (the engine's region result and window types read it). */
export type RegionFigure = (typeof REGION_FIGURES)[number];
