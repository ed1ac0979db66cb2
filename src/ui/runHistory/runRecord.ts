/**
 * One finished run in a few numbers, kept so runs can be told apart and compared after the
 * page is gone: which document (its name and a hash of its text), which seed, the figures a
 * design review asks about first, the objectives' verdict and the cost. Pure; the list is read
 * back from storage untrusted (`readRecords` keeps only entries of the right shape).
 */
import type { SimResult } from '../../engine/types.ts';
import { nameHash } from '../../engine/nodes/consistentHash.ts';
import { serializeScenarioCompact } from '../../model/serialize.ts';
import type { Scenario } from '../../model/types.ts';

/** How many runs are kept (the oldest goes first): a few sessions' worth, a few kB each. */
export const RUN_HISTORY_LIMIT = 50;

/** The figures kept; null where the run had none (no ok answer: no latency). */
export interface RunFigures {
  throughputRps: number | null;
  p50Ms: number | null;
  p99Ms: number | null;
  errorRate: number | null;
  costPerHour: number | null;
}

export const FIGURE_KEYS = ['p99Ms', 'p50Ms', 'throughputRps', 'errorRate', 'costPerHour'] as const;

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

export interface RunRecord {
  id: string;
  /** When it finished (ms since 1970). */
  at: number;
  name: string;
  /** The document's text hashed (FNV-1a, hex): equal hashes, the same design and settings. */
  docHash: string;
  seed: number;
  durationS: number;
  figures: RunFigures;
  /** Objectives met of those graded; null when the document has none. */
  objectives: { met: number; total: number } | null;
  /** Why the run stopped early, when it did. */
  truncated?: string;
}

export function documentHash(doc: Scenario): string {
  return nameHash(serializeScenarioCompact(doc)).toString(16).padStart(8, '0');
}

export function recordOf(
  doc: Scenario,
  result: SimResult,
  costPerHour: number,
  now: number,
): RunRecord {
  const graded = result.objectives;
  const record: RunRecord = {
    id: `${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    at: now,
    name: doc.name,
    docHash: documentHash(doc),
    seed: result.seed,
    durationS: result.durationS,
    figures: {
      throughputRps: finite(result.throughputRps),
      p50Ms: result.requests.ok > 0 ? finite(result.latencyMs.p50) : null,
      p99Ms: result.requests.ok > 0 ? finite(result.latencyMs.p99) : null,
      errorRate: finite(result.errorRate),
      costPerHour: finite(costPerHour),
    },
    objectives:
      graded && graded.length > 0
        ? { met: graded.filter((o) => o.met).length, total: graded.length }
        : null,
  };
  if (result.truncated) record.truncated = result.truncated.message;
  return record;
}

/** `record` first, then the others (newest first, none twice), at most RUN_HISTORY_LIMIT. */
export function withRecord(list: readonly RunRecord[], record: RunRecord): RunRecord[] {
  return [record, ...list.filter((r) => r.id !== record.id)].slice(0, RUN_HISTORY_LIMIT);
}

/** Two lists as one: every run once, newest first (a tab's runs beside what storage held). */
export function mergeRecords(a: readonly RunRecord[], b: readonly RunRecord[]): RunRecord[] {
  const byId = new Map([...a, ...b].map((r) => [r.id, r]));
  return [...byId.values()].sort((x, y) => y.at - x.at).slice(0, RUN_HISTORY_LIMIT);
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isRecord(e: unknown): e is RunRecord {
  if (typeof e !== 'object' || e === null) return false;
  const r = e as Partial<RunRecord>;
  const o = r.objectives;
  return (
    typeof r.id === 'string' &&
    typeof r.name === 'string' &&
    typeof r.docHash === 'string' &&
    isNum(r.at) &&
    isNum(r.seed) &&
    isNum(r.durationS) &&
    typeof r.figures === 'object' &&
    r.figures !== null &&
    FIGURE_KEYS.every((k) => r.figures![k] === null || isNum(r.figures![k])) &&
    (o === null || (typeof o === 'object' && o !== undefined && isNum(o.met) && isNum(o.total)))
  );
}

/** The entries of a stored list that have the right shape. */
export function readRecords(value: unknown): RunRecord[] {
  return Array.isArray(value) ? value.filter(isRecord).slice(0, RUN_HISTORY_LIMIT) : [];
}
