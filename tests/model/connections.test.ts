import { describe, expect, it } from 'vitest';
import { canConnect } from '../../src/model/connections.ts';
import { NODE_TYPES } from '../../src/model/kinds/index.ts';
import type { EdgeKind, NodeType } from '../../src/model/types.ts';

/** Allowed call targets per source, the whole table written out (rows: source). */
const CALLS: Record<NodeType, NodeType[]> = {
  client: [
    'service',
    'loadBalancer',
    'cache',
    'database',
    'shardRouter',
    'queue',
    'stream',
    'rateLimiter',
  ],
  service: [
    'service',
    'loadBalancer',
    'cache',
    'database',
    'shardRouter',
    'queue',
    'stream',
    'rateLimiter',
  ],
  rateLimiter: [
    'service',
    'loadBalancer',
    'cache',
    'database',
    'shardRouter',
    'queue',
    'stream',
    'rateLimiter',
  ],
  loadBalancer: ['service', 'cache', 'database'],
  cache: ['service', 'loadBalancer', 'cache', 'database', 'shardRouter'],
  shardRouter: ['service', 'loadBalancer', 'cache', 'database'],
  queue: ['service', 'loadBalancer'],
  stream: ['service'],
  database: [],
};

const T = NODE_TYPES;

function table(kind: EdgeKind): string[] {
  return T.flatMap((s) => T.filter((t) => canConnect(s, t, kind).ok).map((t) => `${s}→${t}`));
}

describe('canConnect', () => {
  it('call edges follow the table exactly', () => {
    const expected = T.flatMap((s) => CALLS[s].map((t) => `${s}→${t}`));
    expect(table('call').sort()).toEqual(expected.sort());
  });

  it('replication links databases only; dead letters leave a queue for a queue or a service', () => {
    expect(table('replication')).toEqual(['database→database']);
    expect(table('deadLetter').sort()).toEqual(['queue→queue', 'queue→service']);
  });

  it('explains every refusal', () => {
    for (const kind of ['call', 'replication', 'deadLetter'] as const) {
      for (const s of T) {
        for (const t of T) {
          const r = canConnect(s, t, kind);
          if (!r.ok) expect(r.reason.length).toBeGreaterThan(10);
        }
      }
    }
    expect(canConnect('service', 'client', 'call')).toEqual({
      ok: false,
      reason: 'nothing calls into a client: it only sends traffic',
    });
    expect(canConnect('service', 'queue', 'deadLetter')).toEqual({
      ok: false,
      reason: 'only a queue has a dead-letter edge',
    });
  });
});
