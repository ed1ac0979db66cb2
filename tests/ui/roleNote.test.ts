// A node's role from its links: a read replica, a dead-letter target, or nothing to say.
import { describe, expect, it } from 'vitest';
import { roleNote } from '../../src/ui/canvas/roleNote.ts';
import { EMPTY_DOC } from '../../src/store/graphSlice.ts';
import type { Scenario } from '../../src/model/types.ts';

const node = (id: string, label: string) =>
  ({ id, label, type: 'database', position: { x: 0, y: 0 }, params: {} }) as never;
const edge = (id: string, source: string, target: string, kind: string) =>
  ({ id, source, target, kind, weight: 1, latencyMs: { dist: 'constant', ms: 1 } }) as never;

describe('roleNote', () => {
  const doc: Scenario = {
    ...EMPTY_DOC,
    nodes: [node('db', 'Orders DB'), node('db2', 'Replica'), node('q', 'Jobs'), node('dlq', 'DLQ')],
    edges: [
      edge('e1', 'db', 'db2', 'replication'),
      edge('e2', 'q', 'dlq', 'deadLetter'),
      edge('e3', 'db2', 'dlq', 'call'),
    ],
  };
  it('names the primary of a replica and the queue a dead-letter target serves', () => {
    expect(roleNote(doc, 'db2')).toBe('replica of Orders DB');
    expect(roleNote(doc, 'dlq')).toBe('dead letters of Jobs');
  });
  it('says nothing of a primary, a source or an unlinked node', () => {
    expect(roleNote(doc, 'db')).toBeUndefined();
    expect(roleNote(doc, 'q')).toBeUndefined();
    expect(roleNote(doc, 'nope')).toBeUndefined();
  });
});
