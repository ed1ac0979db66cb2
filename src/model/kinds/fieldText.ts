/**
 * A field's limits and default in words, from its descriptor (which read them from the schema):
 * the inspector's help line and the docs' tables say the same thing.
 */
import type { Dist } from '../types.ts';
import type { ParamDescriptor } from './describe.ts';

const withUnit = (n: number, unit?: string): string => (unit ? `${n} ${unit}` : String(n));

function distWords(d: Dist): string {
  switch (d.dist) {
    case 'constant':
      return `constant ${d.ms} ms`;
    case 'exponential':
      return `exponential, mean ${d.meanMs} ms`;
    case 'uniform':
      return `uniform ${d.minMs}–${d.maxMs} ms`;
    case 'lognormal':
      return `lognormal, mean ${d.meanMs} ms, cv ${d.cv}`;
    case 'erlang':
      return `erlang k = ${d.k}, mean ${d.meanMs} ms`;
  }
}

/** A default as a reader would write it: `1000 ms`, `off`, `roundRobin`, `exponential, mean 5 ms`. */
export function valueText(value: unknown, d: Pick<ParamDescriptor, 'control' | 'unit'>): string {
  if (typeof value === 'number') return withUnit(value, d.unit);
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.length === 0) return 'none';
  if (d.control === 'dist') return distWords(value as Dist);
  return JSON.stringify(value);
}

/** The range a number may take: `1 to 10000`, `above 0, at most 86400000 ms`; '' for others. */
export function rangeText(d: ParamDescriptor): string {
  const { min, max, unit } = d;
  if (min === undefined) return max === undefined ? '' : `at most ${withUnit(max, unit)}`;
  const from = d.minExclusive ? `above ${min}` : `at least ${min}`;
  if (max === undefined) return unit ? `${from} ${unit}` : from;
  return d.minExclusive
    ? `${from}, at most ${withUnit(max, unit)}`
    : `${min} to ${withUnit(max, unit)}`;
}

/** ` (1 to 10000; default 1)`, for the end of a help line; '' when there is nothing to say. */
export function limitsText(d: ParamDescriptor): string {
  const parts = [rangeText(d)];
  if (d.default !== undefined) parts.push(`default ${valueText(d.default, d)}`);
  const said = parts.filter((p) => p !== '');
  return said.length > 0 ? ` (${said.join('; ')})` : '';
}

/**
 * What an optional field left empty means, for its placeholder: the help's "Empty = …"
 * sentence (every optional field's help says it, one place for the fact), else "none".
 */
export function emptyText(desc: ParamDescriptor): string {
  return /Empty = ([^.]+)\./.exec(desc.help)?.[1] ?? 'none';
}
