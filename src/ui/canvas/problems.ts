/**
 * Structural problems shown as a badge on the canvas: a node nothing sends traffic to, or a node
 * that needs somewhere to send it and has nowhere. Pure, so it is tested without a canvas.
 */
import type { NodeType, Scenario } from '../../model/types.ts';

/** What a node of each kind needs downstream, or null when it may be the end of the line. */
const NEEDS_OUT: Partial<Record<NodeType, string>> = {
  client: 'This client sends its requests nowhere: connect it to a node.',
  loadBalancer: 'This load balancer has no backends: connect it to a service.',
  cache: 'This cache has no backing store: connect it to a database or service.',
  shardRouter:
    'This shard router has no shards: connect it to the databases or services behind it.',
  queue: 'Nothing consumes this queue: connect it to a service.',
  rateLimiter: 'Nothing is behind this rate limiter: connect it to the node it protects.',
};

export function findProblems(doc: Scenario): Map<string, string[]> {
  const incoming = new Set<string>();
  const outgoingCalls = new Set<string>();
  for (const e of doc.edges) {
    incoming.add(e.target);
    if (e.kind === 'call') outgoingCalls.add(e.source);
  }
  const out = new Map<string, string[]>();
  for (const n of doc.nodes) {
    const list: string[] = [];
    if (n.type !== 'client' && !incoming.has(n.id)) {
      list.push('Nothing sends traffic here: connect a node to its left side.');
    }
    const needs = NEEDS_OUT[n.type];
    if (needs !== undefined && !outgoingCalls.has(n.id)) list.push(needs);
    if (list.length > 0) out.set(n.id, list);
  }
  return out;
}
