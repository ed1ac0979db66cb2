/**
 * types.ts and the schemas must name the same fields. The schema → type direction is checked
 * where the schemas are declared (`typed`); this file checks type → schema: a field added to
 * types.ts but not to a schema would be dropped on load as unknown. `tsc` checks these lines.
 */
import type * as z from 'zod';
import { describe, expect, it } from 'vitest';
import type { cacheParamsSchema } from '../../src/model/kinds/cache.ts';
import type { clientParamsSchema } from '../../src/model/kinds/client.ts';
import type { databaseParamsSchema } from '../../src/model/kinds/database.ts';
import type { circuitBreakerSchema, edgeSchema, retrySchema } from '../../src/model/kinds/edge.ts';
import type { faultSchema } from '../../src/model/kinds/fault.ts';
import type { loadBalancerParamsSchema } from '../../src/model/kinds/loadBalancer.ts';
import type { queueParamsSchema } from '../../src/model/kinds/queue.ts';
import type { rateLimiterParamsSchema } from '../../src/model/kinds/rateLimiter.ts';
import type { serviceParamsSchema } from '../../src/model/kinds/service.ts';
import type { shardRouterParamsSchema } from '../../src/model/kinds/shardRouter.ts';
import type { documentSchema } from '../../src/model/documentSchema.ts';
import type * as T from '../../src/model/types.ts';

type AllKeys<U> = U extends unknown ? keyof U : never;
/** The fields of type `X` that schema `S` does not produce: must be `never`. */
type Missing<X, S extends z.ZodType> = Exclude<AllKeys<X>, AllKeys<z.output<S>>>;
type None<K> = [K] extends [never] ? true : K;

const checks: true[] = [
  true satisfies None<Missing<T.ClientParams, typeof clientParamsSchema>>,
  true satisfies None<Missing<T.ServiceParams, typeof serviceParamsSchema>>,
  true satisfies None<
    Missing<
      T.Autoscale,
      NonNullable<z.ZodType<NonNullable<z.output<typeof serviceParamsSchema>['autoscale']>>>
    >
  >,
  true satisfies None<Missing<T.LoadBalancerParams, typeof loadBalancerParamsSchema>>,
  true satisfies None<Missing<T.CacheParams, typeof cacheParamsSchema>>,
  true satisfies None<Missing<T.DatabaseParams, typeof databaseParamsSchema>>,
  true satisfies None<Missing<T.ShardRouterParams, typeof shardRouterParamsSchema>>,
  true satisfies None<Missing<T.QueueParams, typeof queueParamsSchema>>,
  true satisfies None<Missing<T.RateLimiterParams, typeof rateLimiterParamsSchema>>,
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
