/**
 * The run report's contents: for each kind in the document, one table whose columns are its
 * nodes and whose rows are the figures that kind declares (src/model/kinds/figures.ts), read
 * from the run's result at the end and from the newest window while running. A figure only the
 * windows carry (healthy replicas, the replication backlog) is added at the end from the last
 * window. Nothing here lists figures by hand: a kind's new figure becomes a row by itself.
 */
import type {
  EdgeWindow,
  NodeResult,
  NodeWindow,
  RegionWindow,
  SimResult,
} from '../../engine/types.ts';
import type { FigureDescriptor } from '../../model/kinds/figures.ts';
import { COMMON_FIGURES, reportedIn } from '../../model/kinds/figures.ts';
import { availabilityFiguresOf } from '../../model/kinds/kindFigures.ts';
import { kindFiguresOf } from '../../model/kinds/figureRegistry.ts';
import { EDGE_FIGURES } from '../../model/kinds/edgeFigures.ts';
import { KIND_DESCRIPTIONS, NODE_TYPES } from '../../model/kinds/index.ts';
import type { NodeType } from '../../model/types.ts';
import { classRows } from './classRows.ts';
import { regionSection } from './reportRegions.ts';

/** How one cell reads: the figure's own nature, down to one number (or a list, or text). */
export type CellNature = 'count' | 'ratio' | 'time' | 'rate' | 'level' | 'list' | 'text';

export type CellValue = number | string | readonly number[] | undefined;

export interface ReportRow {
  /** Unique in its section: where the value comes from and its path. */
  id: string;
  /** The path of the value in the node's figures: ['latencyMs', 'p99']. */
  path: readonly string[];
  label: string;
  unit: string;
  help: string;
  nature: CellNature;
  /** Read from the newest window rather than from the run's result. */
  fromWindow: boolean;
  /** One per column, in the section's column order; undefined where a node has none. */
  cells: CellValue[];
}

export interface ReportColumn {
  id: string;
  name: string;
}

export interface ReportSection {
  /** A node kind, 'run' for the whole run's figures, 'edges' for the calls over each edge,
   *  'regions' for each region's users. */
  id: NodeType | 'run' | 'edges' | 'regions';
  title: string;
  columns: ReportColumn[];
  rows: ReportRow[];
}

export interface ReportInput {
  nodes: ReadonlyArray<{ id: string; type: NodeType; label: string }>;
  /** The run's result, once it has ended. */
  result?: SimResult | undefined;
  /** The newest window's figures per node (absent before the first window). */
  window?: Readonly<Record<string, NodeWindow>> | undefined;
  /** The document's edges, for the calls table (absent: no such table). */
  edges?: ReadonlyArray<{ id: string; source: string; target: string }> | undefined;
  /** The newest window's figures per edge. */
  edgeWindow?: Readonly<Record<string, EdgeWindow>> | undefined;
  /** The document's region names (absent or empty: no regions table). */
  regions?: readonly string[] | undefined;
  /** The newest window's figures per region. */
  regionWindow?: Readonly<Record<string, RegionWindow>> | undefined;
}

type Figures = Readonly<Record<string, unknown>>;

const isNumber = (v: unknown): v is number => typeof v === 'number';
const isList = (v: unknown): v is readonly number[] => Array.isArray(v) && v.every(isNumber);
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function cellOf(v: unknown): CellValue {
  return isNumber(v) || typeof v === 'string' || isList(v) ? v : undefined;
}

/** The parts of an object-valued figure across nodes, in the order they first appear. */
function partsOf(values: readonly unknown[]): string[] {
  const parts = new Set<string>();
  for (const v of values) if (isRecord(v)) for (const k of Object.keys(v)) parts.add(k);
  return [...parts];
}

/** What one part of a summary is: a list stays a list, a `count` a count, the rest times. */
function partNature(values: readonly unknown[], part: string, f: FigureDescriptor): CellNature {
  if (values.some((v) => isRecord(v) && Array.isArray(v[part]))) return 'list';
  if (part === 'count') return 'count';
  return f.nature === 'byName' ? 'count' : 'time';
}

/** The rows one figure gives over `sources` (one per column): one, or one per part. */
export function figureRows(
  f: FigureDescriptor,
  sources: ReadonlyArray<Figures | undefined>,
  fromWindow: boolean,
  partName: (part: string) => string,
): ReportRow[] {
  const values = sources.map((s) => s?.[f.key]);
  if (values.every((v) => v === undefined)) return [];
  const base = { help: f.help, fromWindow };
  const from = fromWindow ? 'window' : 'result';
  if (f.nature === 'byClass') return classRows(f, values, base);
  if (f.nature === 'summary' || f.nature === 'byName') {
    return partsOf(values).map((part) => {
      const nature = partNature(values, part, f);
      return {
        ...base,
        id: `${from}:${f.key}.${part}`,
        path: [f.key, part],
        label: `${f.label}: ${partName(part)}`,
        unit: nature === 'count' && f.nature === 'summary' ? '' : f.unit,
        nature,
        cells: values.map((v) => (isRecord(v) ? cellOf(v[part]) : undefined)),
      };
    });
  }
  return [
    {
      ...base,
      id: `${from}:${f.key}`,
      path: [f.key],
      label: f.label,
      unit: f.unit,
      nature: f.nature,
      cells: values.map(cellOf),
    },
  ];
}

/** One kind's table: its figures from the result (at the end) or from the newest window. */
function kindSection(
  type: NodeType,
  nodes: ReadonlyArray<{ id: string; label: string }>,
  input: ReportInput,
  partName: (part: string) => string,
): ReportSection {
  // The kind's own figures first: they are what its lessons point at.
  const figures = [...kindFiguresOf(type), ...COMMON_FIGURES, ...availabilityFiguresOf(type)];
  const fromResult = input.result?.nodes;
  const windowSources = nodes.map((n) => input.window?.[n.id] as Figures | undefined);
  const rows: ReportRow[] = [];
  if (fromResult !== undefined) {
    const sources = nodes.map((n) => fromResult[n.id] as NodeResult | undefined);
    for (const f of figures.filter((f) => reportedIn(f, false)))
      rows.push(...figureRows(f, sources, false, partName));
    // What only the windows carry, as the run left it.
    for (const f of figures.filter((f) => !reportedIn(f, false)))
      rows.push(...figureRows(f, windowSources, true, partName));
  } else {
    for (const f of figures.filter((f) => reportedIn(f, true)))
      rows.push(...figureRows(f, windowSources, true, partName));
  }
  return {
    id: type,
    title: KIND_DESCRIPTIONS[type].label,
    columns: nodes.map((n) => ({ id: n.id, name: n.label || n.id })),
    rows,
  };
}

/**
 * The calls table: a column per edge ("Web → App"), a row per edge figure, from the result at
 * the end or the newest window while running. Its rows' paths start with `edges`, where the
 * headless JSON keeps them.
 */
function edgeSection(input: ReportInput, nodeName: (id: string) => string): ReportSection {
  const edges = input.edges ?? [];
  const fromWindow = input.result === undefined;
  const all = fromWindow ? input.edgeWindow : input.result?.edges;
  const sources = edges.map((e) => all?.[e.id] as Figures | undefined);
  const rows = EDGE_FIGURES.filter((f) => reportedIn(f, fromWindow)).flatMap((f) =>
    figureRows(f, sources, fromWindow, nodeName).map((r) => ({
      ...r,
      id: `edges:${r.id}`,
      path: ['edges', ...r.path],
    })),
  );
  return {
    id: 'edges',
    title: 'Calls over each edge',
    columns: edges.map((e) => ({
      id: e.id,
      name: `${nodeName(e.source)} → ${nodeName(e.target)}`,
    })),
    rows,
  };
}

/** A result field's name in words, its unit and nature, read from its name's suffix. */
function describeRunField(key: string): Pick<FigureDescriptor, 'label' | 'unit' | 'nature'> {
  const words = (k: string) => {
    const w = k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const suffix = [
    [/Ms$/, 'ms', 'time'],
    [/Rps$/, 'req/s', 'rate'],
    [/S$/, 's', 'time'],
    [/Rate$|Ratio$/, '', 'ratio'],
  ] as const;
  for (const [re, unit, nature] of suffix)
    if (re.test(key)) return { label: words(key.replace(/Ms$|Rps$|S$/, '')), unit, nature };
  return { label: words(key), unit: '', nature: 'count' };
}

/**
 * The result's fields that are not figures of the whole run: its parts (nodes, edges, windows),
 * the notice of an early stop, the wall-clock time, which is the machine's, not the run's, and
 * the objectives' grades, budgets and alerts, which the report's scorecard shows (as rows here
 * they were empty: lists and records of records).
 */
const NOT_RUN_FIGURES: ReadonlySet<string> = new Set([
  'nodes',
  'edges',
  'regions',
  'timeline',
  'truncated',
  'wallMs',
  'objectives',
  'budgets',
  'objectiveWindows',
  'alerts',
]);

/** How a record-valued result field reads: latency percentiles, class rows (every client's
 *  requests by class, end to end), or counts by name. */
function recordNature(key: string): FigureDescriptor['nature'] {
  if (key === 'latencyMs') return 'summary';
  return key === 'classes' ? 'byClass' : 'byName';
}

/** The whole run's figures, from the result's own fields. */
function runSection(result: SimResult): ReportSection {
  const rows: ReportRow[] = [];
  const fields = result as unknown as Figures;
  for (const [key, value] of Object.entries(fields)) {
    if (NOT_RUN_FIGURES.has(key) || typeof value === 'string') continue;
    // Every client's requests by class: labelled as a node's classes are.
    const d =
      key === 'classes' ? { ...describeRunField(key), label: 'By class' } : describeRunField(key);
    const f: FigureDescriptor = {
      key,
      ...d,
      nature: isRecord(value) ? recordNature(key) : d.nature,
      help: '',
      where: 'result',
    };
    rows.push(...figureRows(f, [fields], false, (p) => p));
  }
  return { id: 'run', title: 'Whole run', columns: [{ id: 'run', name: 'Run' }], rows };
}

/** The report: the whole run (once it has ended), then one section per kind present. */
export function reportSections(input: ReportInput): ReportSection[] {
  const names = new Map(input.nodes.map((n) => [n.id, n.label || n.id]));
  const partName = (part: string) => names.get(part) ?? part;
  const sections: ReportSection[] = [];
  if (input.result !== undefined) sections.push(runSection(input.result));
  const regions = regionSection(input);
  if (regions !== null && regions.rows.length > 0) sections.push(regions);
  for (const type of NODE_TYPES) {
    const nodes = input.nodes.filter((n) => n.type === type);
    if (nodes.length === 0) continue;
    const section = kindSection(type, nodes, input, partName);
    if (section.rows.length > 0) sections.push(section);
  }
  const calls = edgeSection(input, partName);
  if (calls.columns.length > 0 && calls.rows.length > 0) sections.push(calls);
  return sections;
}
