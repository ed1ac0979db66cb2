/**
 * What a node is for when only its links say so: a database fed by a replication edge is a read
 * replica (it serves only the reads that something sends it, so "0 rps" there is not a bug), and
 * a queue or service fed by a dead-letter edge takes another queue's failed messages.
 */
import type { Scenario } from '../../model/types.ts';

function noteOf(doc: Scenario, nodeId: string): string | undefined {
  const label = (id: string) => doc.nodes.find((n) => n.id === id)?.label ?? id;
  const replicaOf = doc.edges.find((e) => e.kind === 'replication' && e.target === nodeId);
  if (replicaOf !== undefined) return `replica of ${label(replicaOf.source)}`;
  const deadLetters = doc.edges.find((e) => e.kind === 'deadLetter' && e.target === nodeId);
  if (deadLetters !== undefined) return `dead letters of ${label(deadLetters.source)}`;
  return undefined;
}

/**
 * Each node's note, once per document: every node asks on every store change (the run's clock
 * moves several times a second), and a scan of the edges per node per change was quadratic.
 */
const notesByDoc = new WeakMap<Scenario, Map<string, string | undefined>>();

export function roleNote(doc: Scenario, nodeId: string): string | undefined {
  let notes = notesByDoc.get(doc);
  if (notes === undefined) notesByDoc.set(doc, (notes = new Map()));
  if (!notes.has(nodeId)) notes.set(nodeId, noteOf(doc, nodeId));
  return notes.get(nodeId);
}
