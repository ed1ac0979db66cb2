/**
 * types.ts and the schemas must name the same fields. The params types are derived from the
 * kinds' schemas (nothing to keep in step); edges, faults and the document are still declared in
 * types.ts, and the schema → type direction is checked where the schemas are declared (`typed`).
 * This file checks type → schema: a field added to types.ts but not to a schema would be dropped
 * on load as unknown. `tsc` checks these lines.
 */
import type * as z from 'zod';
import { describe, expect, it } from 'vitest';
import type { circuitBreakerSchema, edgeSchema, retrySchema } from '../../src/model/kinds/edge.ts';
import type { faultSchema } from '../../src/model/kinds/fault.ts';
import type { documentSchema } from '../../src/model/documentSchema.ts';
import type * as T from '../../src/model/types.ts';

type AllKeys<U> = U extends unknown ? keyof U : never;
/** The fields of type `X` that schema `S` does not produce: must be `never`. */
type Missing<X, S extends z.ZodType> = Exclude<AllKeys<X>, AllKeys<z.output<S>>>;
type None<K> = [K] extends [never] ? true : K;

const checks: true[] = [
  true satisfies None<Missing<T.ScenarioEdge, typeof edgeSchema>>,
  true satisfies None<Missing<T.RetryPolicy, typeof retrySchema>>,
  true satisfies None<Missing<T.CircuitBreakerPolicy, typeof circuitBreakerSchema>>,
  true satisfies None<Missing<T.Fault, typeof faultSchema>>,
  true satisfies None<Missing<T.Scenario, typeof documentSchema>>,
];

describe('types.ts and the schemas', () => {
  it('name the same fields (checked by the compiler)', () => {
    expect(checks.every((c) => c)).toBe(true);
  });
});
