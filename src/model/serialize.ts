/** Stable JSON for a scenario: the same document always gives the same text. */
import type { Scenario } from './types.ts';

/** Well-known keys first, in reading order; any other key after them, alphabetically. */
const KEY_ORDER = [
  'version',
  'name',
  'description',
  'topic',
  'seed',
  'durationS',
  'warmupS',
  'id',
  'type',
  'kind',
  'dist',
  'process',
  'mode',
  'label',
  'source',
  'target',
  'atS',
  'forS',
  'position',
  'x',
  'y',
  'region',
  'zone',
  'params',
  'nodes',
  'edges',
  'faults',
  'actions',
  'set',
  'op',
  'objectives',
  'alerts',
  'metric',
  'objective',
];
const RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

function orderKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(orderKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== undefined,
  );
  entries.sort(([a], [b]) => {
    const ra = RANK.get(a) ?? KEY_ORDER.length;
    const rb = RANK.get(b) ?? KEY_ORDER.length;
    return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
  });
  return Object.fromEntries(entries.map(([k, v]) => [k, orderKeys(v)]));
}

/** Pretty, stable JSON (2-space indent, trailing newline-free). */
export function serializeScenario(s: Scenario): string {
  return JSON.stringify(orderKeys(s), null, 2);
}

/** Compact stable JSON, for share links. */
export function serializeScenarioCompact(s: Scenario): string {
  return JSON.stringify(orderKeys(s));
}
