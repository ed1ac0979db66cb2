import { describe, expect, it } from 'vitest';
import { canAddEdge } from '../../src/model/canAddEdge.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';
import { contractDocument } from './fixtures.ts';

const doc = loadScenarioOrThrow(contractDocument());

describe('canAddEdge', () => {
  it('accepts an edge the rules allow', () => {
    expect(canAddEdge(doc, 'users', 'api')).toEqual({ ok: true });
    expect(canAddEdge(doc, 'replica', 'db', 'replication')).toEqual({ ok: true });
  });

  it('refuses self-loops, unknown ends, duplicates and pairwise rule breaks', () => {
    expect(canAddEdge(doc, 'api', 'api')).toEqual({
      ok: false,
      reason: 'a node cannot connect to itself',
    });
    expect(canAddEdge(doc, 'api', 'ghost')).toEqual({
      ok: false,
      reason: 'no node has the id "ghost"',
    });
    expect(canAddEdge(doc, 'lb', 'api')).toEqual({
      ok: false,
      reason: '"lb" already has a call edge to "api"',
    });
    expect(canAddEdge(doc, 'db', 'api')).toEqual({
      ok: false,
      reason:
        'a database answers queries and calls nothing; connect replicas with a replication edge',
    });
  });

  it('refuses a second backing store and a loop of calls', () => {
    expect(canAddEdge(doc, 'cache', 'replica')).toEqual({
      ok: false,
      reason: '"cache": a cache has exactly one outgoing call edge: its backing store',
    });
    expect(canAddEdge(doc, 'cache', 'api')).toEqual({
      ok: false,
      reason: '"cache": a cache has exactly one outgoing call edge: its backing store',
    });
    expect(canAddEdge(doc, 'api', 'lb')).toEqual({
      ok: false,
      reason: 'call edges form a loop "lb" → "api" → "lb": requests would go round forever',
    });
  });
});
