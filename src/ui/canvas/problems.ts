/**
 * Structural problems shown as a badge on the canvas: a node nothing sends traffic to, or a node
 * that needs somewhere to send it and has nowhere. Pure, so it is tested without a canvas.
 */
import { KIND_DESCRIPTIONS } from '../../model/kinds/index.ts';
import type { Scenario } from '../../model/types.ts';

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
    const kind = KIND_DESCRIPTIONS[n.type];
    if (kind.refusesCalls === undefined && !incoming.has(n.id)) {
      list.push('Nothing sends traffic here: connect a node to its left side.');
    }
    // What a node of this kind needs downstream (absent when it may be the end of the line).
    const needs = kind.edges.call.min?.problem;
    if (needs !== undefined && !outgoingCalls.has(n.id)) list.push(needs);
    if (list.length > 0) out.set(n.id, list);
  }
  return out;
}
