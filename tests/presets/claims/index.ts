/** Every lesson's claims, in the order of docs/presets.md. */
import { activeActive, activePassive, circuitBreaker, retryStorm } from './resilience.ts';
import { backPressure, queueLevelling, rateLimiting } from './async.ts';
import { cacheStampede, cachingStrategies } from './caching.ts';
import { capacity, knee, littlesLaw, predictive, reactive } from './scaling.ts';
import { capPartition, redundancy, replicationSyncAsync } from './consistency.ts';
import { cqrs, readReplicas, shardingHotKey } from './data.ts';
import type { Claim } from './harness.ts';
import { multiRegion } from './regions.ts';
import { loadBalancing, slowReplica } from './balancing.ts';
import { batchedWriter, priorityShedding } from './classes.ts';
import { streamHotPartition, streamReplay } from './streams.ts';
import { bulkhead, codel, concurrencyLimit, goodputCollapse, retryTokens } from './overload.ts';
import { nightlyJob, requestReply } from './messaging.ts';
import { retryTimeout, slowDependency } from './tracing.ts';
import { connectionPool, gcDeathSpiral, sinkholing, timeoutCascade } from './metastable.ts';

export const CLAIMS: Claim[] = [
  ...loadBalancing,
  ...slowReplica,
  ...cachingStrategies,
  ...cacheStampede,
  ...readReplicas,
  ...shardingHotKey,
  ...queueLevelling,
  ...backPressure,
  ...requestReply,
  ...nightlyJob,
  ...cqrs,
  ...capPartition,
  ...replicationSyncAsync,
  ...rateLimiting,
  ...retryStorm,
  ...circuitBreaker,
  ...activeActive,
  ...activePassive,
  ...multiRegion,
  ...redundancy,
  ...reactive,
  ...predictive,
  ...knee,
  ...littlesLaw,
  ...capacity,
  ...priorityShedding,
  ...batchedWriter,
  ...streamHotPartition,
  ...streamReplay,
  ...goodputCollapse,
  ...codel,
  ...concurrencyLimit,
  ...retryTokens,
  ...bulkhead,
  ...sinkholing,
  ...timeoutCascade,
  ...connectionPool,
  ...gcDeathSpiral,
  ...slowDependency,
  ...retryTimeout,
];
