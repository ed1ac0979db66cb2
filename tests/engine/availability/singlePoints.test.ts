/** Single points of failure: the nodes whose loss cuts a client off from every backend. */
import { describe, expect, it } from 'vitest';
import { singlePointsOfFailure } from '../../../src/analysis/singlePoints.ts';
import { cache, client, database, edge, balancer, scenario, service } from '../harness.ts';

const spofs = (doc: ReturnType<typeof scenario>) => [...singlePointsOfFailure(doc).keys()].sort();

describe('single points of failure', () => {
  it('a chain of single nodes: every one of them', () => {
    const doc = scenario({
      nodes: [client('c'), balancer('lb'), service('api'), database('db')],
      edges: [edge('c', 'lb'), edge('lb', 'api'), edge('api', 'db')],
    });
    expect(spofs(doc)).toEqual(['api', 'db', 'lb']);
    expect(singlePointsOfFailure(doc).get('lb')).toMatch(/cuts c off from every backend/);
  });

  it('replicas, failover with a replica, two paths and cache-aside are not', () => {
    const doc = scenario({
      nodes: [
        client('c'),
        service('a', { replicas: 3 }),
        cache('cache', { strategy: 'cacheAside' }),
        database('db', { failover: { detectionMs: 1000, promotionMs: 1000 } }),
        database('replica'),
        client('c2'),
        service('x'),
        service('y'),
        database('store'),
      ],
      edges: [
        edge('c', 'a'),
        edge('a', 'cache'),
        edge('cache', 'db'),
        edge('db', 'replica', { kind: 'replication' }),
        edge('c2', 'x'),
        edge('c2', 'y'),
        edge('x', 'store'),
        edge('y', 'store'),
      ],
    });
    // c2's x and y back each other up; the store they share is c2's only backend.
    expect(spofs(doc)).toEqual(['store']);
    expect(singlePointsOfFailure(doc).get('store')).toMatch(/cuts c2 off/);
  });
});
