/**
 * Building blocks shared by every kind's schema: numbers with limits and one message each, the
 * `Dist` schema (a bare number means a constant), and small helpers.
 *
 * Every leaf carries its own message so an error reads the same whether the value is missing,
 * of the wrong type or out of range: `nodes[3].params.workers: must be an integer from 1 to 10000`.
 */
import * as z from 'zod';
import type { Dist } from '../types.ts';

/** Upper bound for any time in milliseconds: one day. */
export const MAX_MS = 86_400_000;
/** Upper bound for counts that size memory (capacities, keys): one billion. */
export const MAX_COUNT = 1_000_000_000;

/** Message function: "is required" when absent, else the given text. */
function withRequired(msg: string) {
  return (issue: { input?: unknown }): string =>
    issue.input === undefined ? `is required (${msg.replace(/^must be /, '')})` : msg;
}

/**
 * The limits of a number schema, kept beside it so the inspector, the docs and the messages read
 * them from the schema itself instead of restating them (see ./schemaInfo.ts).
 */
export interface NumberBounds {
  min: number;
  max: number;
  /** The value must be above `min`, not equal to it. */
  minExclusive: boolean;
  integer: boolean;
  /** The unit its messages name, e.g. 'ms'. */
  unit?: string;
}
const BOUNDS = new WeakMap<object, NumberBounds>();

/** The bounds given to `int`, `num` or `positive` for this exact schema, if it is one. */
export function boundsOf(schema: object): NumberBounds | undefined {
  return BOUNDS.get(schema);
}

function bounded<S extends object>(schema: S, bounds: NumberBounds): S {
  BOUNDS.set(schema, bounds);
  return schema;
}

/** An integer from min to max, inclusive. */
export function int(min: number, max: number) {
  const msg = `must be an integer from ${min} to ${max}`;
  const schema = z
    .number({ error: withRequired(msg) })
    .refine((v) => Number.isInteger(v) && v >= min && v <= max, { error: msg });
  return bounded(schema, { min, max, minExclusive: false, integer: true });
}

/** A finite number from min to max, inclusive. */
export function num(min: number, max: number, unit = '') {
  const u = unit ? ` ${unit}` : '';
  const msg = `must be a number from ${min} to ${max}${u}`;
  const schema = z
    .number({ error: withRequired(msg) })
    .refine((v) => v >= min && v <= max, { error: msg });
  return bounded(schema, { min, max, minExclusive: false, integer: false, ...(unit && { unit }) });
}

/** A number strictly above 0 and at most max. */
export function positive(max: number, unit = '') {
  const u = unit ? ` ${unit}` : '';
  const msg = `must be a number above 0 and at most ${max}${u}`;
  const schema = z
    .number({ error: withRequired(msg) })
    .refine((v) => v > 0 && v <= max, { error: msg });
  return bounded(schema, {
    min: 0,
    max,
    minExclusive: true,
    integer: false,
    ...(unit && { unit }),
  });
}

/** A share, 0..1. */
export const ratio = () => num(0, 1);

export const bool = () => z.boolean({ error: withRequired('must be true or false') });

/** One of the listed strings. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const msg = `must be one of ${values.map((v) => `"${v}"`).join(', ')}`;
  return z.enum(values, { error: withRequired(msg) });
}

export function text(max: number) {
  return z.string({ error: withRequired(`must be a text`) }).max(max, {
    error: `must be at most ${max} characters`,
  });
}

/** A non-decreasing list of `[tS, value]` points. */
export function timePoints(value: z.ZodType<number>, maxPoints: number) {
  const point = z.tuple([num(0, 86400 * 7, 's'), value], {
    error: 'must be a [tS, value] pair of numbers',
  });
  return z
    .array(point, { error: 'must be a list of [tS, value] pairs' })
    .max(maxPoints, { error: `must have at most ${maxPoints} points` })
    .superRefine((pts, ctx) => {
      for (let i = 1; i < pts.length; i++) {
        if ((pts[i]?.[0] ?? 0) < (pts[i - 1]?.[0] ?? 0)) {
          ctx.addIssue({ code: 'custom', path: [i, 0], message: 'times must not go backwards' });
          return;
        }
      }
    });
}

// ---------------------------------------------------------------------------------------------
// Distributions

const DIST_HELP =
  'must be a number of ms (a constant) or {"dist": "constant"|"exponential"|"uniform"|"lognormal"|"erlang", …}';

const distObject = z.discriminatedUnion(
  'dist',
  [
    z.strictObject({ dist: z.literal('constant'), ms: num(0, MAX_MS, 'ms') }),
    z.strictObject({ dist: z.literal('exponential'), meanMs: positive(MAX_MS, 'ms') }),
    z
      .strictObject({
        dist: z.literal('uniform'),
        minMs: num(0, MAX_MS, 'ms'),
        maxMs: num(0, MAX_MS, 'ms'),
      })
      .refine((d) => d.maxMs >= d.minMs, { error: 'must not be below minMs', path: ['maxMs'] }),
    z.strictObject({
      dist: z.literal('lognormal'),
      meanMs: positive(MAX_MS, 'ms'),
      cv: positive(100),
    }),
    z.strictObject({ dist: z.literal('erlang'), meanMs: positive(MAX_MS, 'ms'), k: int(1, 1000) }),
  ],
  { error: DIST_HELP },
);

/** A `Dist`; a bare number `10` is read as `{dist: 'constant', ms: 10}`. */
export const distSchema: z.ZodType<Dist, unknown> = z.preprocess(
  (v) => (typeof v === 'number' ? { dist: 'constant', ms: v } : v),
  distObject,
) as unknown as z.ZodType<Dist, unknown>;

export const constant = (ms: number): Dist => ({ dist: 'constant', ms });
export const exponential = (meanMs: number): Dist => ({ dist: 'exponential', meanMs });

/** Node and edge ids: 1 to 64 of `A-Z a-z 0-9 _ -`. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const idSchema = z
  .string({ error: withRequired('must be an id: 1 to 64 of A-Z a-z 0-9 _ -') })
  .regex(ID_PATTERN, { error: 'must be an id: 1 to 64 of A-Z a-z 0-9 _ -' });

/**
 * `T` with `| undefined` on optional fields, all the way down: zod's output type says
 * `x?: T | undefined` where our types (under exactOptionalPropertyTypes) say `x?: T`.
 */
export type Loose<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in OptionalKeys<T>]?: Loose<T[K]> | undefined } & {
        [K in Exclude<keyof T, OptionalKeys<T>>]: Loose<T[K]>;
      }
    : T;
type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];

/**
 * Ties a schema to the type it must produce: compilation fails if the schema's output drifts
 * from `T` (types.ts). Zod never emits absent optional keys, so the cast is sound.
 */
export function typed<T>(schema: z.ZodType<Loose<T>, object>): z.ZodType<T, object> {
  return schema as unknown as z.ZodType<T, object>;
}

/** What a sub-schema fills in for `{}`: the starting value of a group the user switches on. */
export function defaultsOf(schema: z.ZodType<object, unknown>, input: object = {}) {
  return { ...schema.parse(input) } as Record<string, unknown>;
}
