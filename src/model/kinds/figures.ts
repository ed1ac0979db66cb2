/**
 * The figures a node reports: what each one is called, its unit and meaning, and where it shows.
 * Every node reports COMMON_FIGURES; a kind declares its own in its description (`figures`), and
 * the engine's results and windows, the worker's frame columns and the live charts follow from
 * those declarations, so a kind's figure reaches the screen because the kind declares it.
 */
import { CLASS_FIGURES, type ClassFigures } from './classes.ts';

/**
 * What a number is: a count of events, a ratio 0..1, a duration, a rate per second, or a level
 * (a gauge read at an instant, or its time-average). Non-numeric figures: a summary of times
 * (mean, percentiles…), counts by name, a list of numbers, or text.
 */
export type FigureNature =
  | 'count'
  | 'ratio'
  | 'time'
  | 'rate'
  | 'level'
  | 'summary'
  | 'byName'
  | 'list'
  | 'text'
  | 'byClass';

/** Where a figure appears: the run's result (headless JSON), each live window, or both. */
export type FigureWhere = 'result' | 'window' | 'both';

export interface FigureChart {
  /**
   * The chart it is drawn on when its node is selected, titled "<node>: <group> (<unit>)".
   * Figures of one node that share a group share a chart, so they must share a unit.
   */
  group: string;
  /** 'step' for figures that jump between whole values (replicas, backends); else 'line'. */
  style: 'line' | 'step';
  /**
   * Also drawn with nothing selected, on a chart of its own with one line per node that
   * reports it: every such node ('all'), or only those where it changed ('varying').
   */
  overview?: 'all' | 'varying';
  /** The line's name in a chart's legend where the label alone would not say it (default: label). */
  legend?: string;
  /** A figure of one request class (./classes.ts): its legend is the class's name, slot-th of
   *  the node's `classes`. */
  classSlot?: number;
}

/** The fields of a 'summary' figure: each a number, but `list`, every value (numbers). */
export type SummaryPart = 'count' | 'mean' | 'p50' | 'p90' | 'p95' | 'p99' | 'max' | 'list';

export interface FigureDescriptor {
  /** The field's name in NodeResult / NodeWindow, and the frame column's name. */
  key: string;
  label: string;
  /** Shown after the value: 'ms', 'req/s', 'requests'…; '' for ratios and plain numbers. */
  unit: string;
  /** What it means, for a reader who has not seen the engine. */
  help: string;
  nature: FigureNature;
  /** For a 'summary': the fields it holds. */
  parts?: readonly SummaryPart[];
  where: FigureWhere;
  /** Reported only in some configurations (the help says when). */
  optional?: boolean;
  /** How the live charts draw it (numeric window figures only); absent: not charted. */
  chart?: FigureChart;
  /** Estimated per node over seeds, with its 95 % CI, in Analyze → Replications (numeric result
   *  figures only). */
  replicated?: true;
}

export const LATENCY_CHART: FigureChart = { group: 'latency at this node', style: 'line' };

/** The figures every node reports, whatever its kind (chart groups in this order). */
export const COMMON_FIGURES = [
  {
    key: 'arrivals',
    label: 'Arrivals',
    unit: 'requests',
    help: 'Requests that reached the node (in the result: created after warm-up).',
    nature: 'count',
    where: 'both',
  },
  {
    key: 'ok',
    label: 'OK',
    unit: 'requests',
    help: 'Requests the node answered successfully.',
    nature: 'count',
    where: 'both',
  },
  {
    key: 'failed',
    label: 'Failed',
    unit: 'requests',
    help: 'Requests the node answered with an error.',
    nature: 'count',
    where: 'both',
  },
  {
    key: 'latencyMs',
    label: 'Latency',
    unit: 'ms',
    help: 'Arrival to departure at this node, waiting and blocked time included.',
    nature: 'summary',
    parts: ['mean', 'p50', 'p90', 'p95', 'p99', 'max'],
    where: 'result',
  },
  {
    key: 'p50Ms',
    label: 'p50',
    unit: 'ms',
    help: 'Median latency at this node over the window.',
    nature: 'time',
    where: 'window',
    chart: LATENCY_CHART,
  },
  {
    key: 'p99Ms',
    label: 'p99',
    unit: 'ms',
    help: '99th-percentile latency at this node over the window.',
    nature: 'time',
    where: 'window',
    chart: LATENCY_CHART,
  },
  {
    key: 'throughputRps',
    label: 'Throughput',
    unit: 'req/s',
    help: 'Successful answers per second.',
    nature: 'rate',
    where: 'both',
    chart: { group: 'throughput', style: 'line' },
  },
  {
    key: 'utilization',
    label: 'Utilization',
    unit: '',
    help: 'Busy worker time over available worker time, 0..1.',
    nature: 'ratio',
    where: 'both',
  },
  {
    key: 'meanQueueLength',
    label: 'Mean waiting',
    unit: 'requests',
    help: 'Time-average number of requests waiting (not in service) since warm-up.',
    nature: 'level',
    where: 'result',
  },
  {
    key: 'queueLength',
    label: 'Waiting',
    unit: 'requests',
    help: 'Time-average number of requests waiting (not in service) over the window.',
    nature: 'level',
    where: 'window',
    chart: { group: 'waiting', style: 'line' },
  },
  {
    key: 'queueNow',
    label: 'Waiting now',
    unit: 'requests',
    help: 'Requests waiting at the end of the window.',
    nature: 'level',
    where: 'window',
  },
  {
    key: 'errors',
    label: 'Errors',
    unit: 'requests',
    help: 'Failed requests by reason (present when any failed).',
    nature: 'byName',
    where: 'result',
    optional: true,
  },
  ...CLASS_FIGURES,
] as const satisfies readonly FigureDescriptor[];

/** True when the figure is in the run's result (`window` false) or in each window (true). */
export function reportedIn(f: FigureDescriptor, window: boolean): boolean {
  return f.where === 'both' || f.where === (window ? 'window' : 'result');
}

const NOT_ONE_NUMBER: ReadonlySet<FigureNature> = new Set([
  'summary',
  'byName',
  'list',
  'text',
  'byClass',
]);

/** A figure that is one number per window: it gets a frame column and may be charted. */
export function isWindowNumber(f: FigureDescriptor): boolean {
  return reportedIn(f, true) && !NOT_ONE_NUMBER.has(f.nature);
}

type NumberNature = 'count' | 'ratio' | 'time' | 'rate' | 'level';

/** The value a figure holds in a result or a window, by its nature (a summary: its parts). */
export type FigureValue<F extends FigureDescriptor> = F['nature'] extends NumberNature
  ? number
  : F['nature'] extends 'byName'
    ? Record<string, number>
    : F['nature'] extends 'list'
      ? number[]
      : F['nature'] extends 'text'
        ? string
        : F['nature'] extends 'byClass'
          ? Record<string, ClassFigures>
          : F extends { parts: readonly (infer P extends SummaryPart)[] }
            ? { [K in P]: K extends 'list' ? number[] : number }
            : never;

/**
 * The fields figures `F` give a run's result (`W` false) or a window (`W` true), each optional
 * (a node reports only its own kind's): the engine's NodeResult and NodeWindow types are
 * derived from the kinds' declarations with this, so a declared figure and its type are one fact.
 */
export type FigureFields<F extends FigureDescriptor, W extends boolean> = {
  [
    D in F as D['where'] extends 'both' | (W extends true ? 'window' : 'result') ? D['key'] : never
  ]?: FigureValue<D>;
};
