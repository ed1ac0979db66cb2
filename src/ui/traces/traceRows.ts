/**
 * A trace as the waterfall's rows: per hop, the call (indented under its caller) and its parts
 * (network each way, queue, service, downstream), each with its place on the trace's time line
 * and whether it is on the critical path; plus labels that say what happened (retry n, timeout,
 * breaker refusal, fallback, cache hit or miss, replica). Pure: tested without a page.
 */
import { childrenOf, criticalPath, localSpan } from '../../engine/tracing/criticalPath.ts';
import { reasonName } from '../../engine/tracing/otlp.ts';
import {
  HOP_CACHE_HIT,
  HOP_CACHE_MISS,
  HOP_FALLBACK,
  type Trace,
} from '../../engine/tracing/types.ts';

export type PartKind = 'network' | 'queue' | 'service' | 'downstream' | 'backoff' | 'wait';

export interface WaterfallPart {
  kind: PartKind;
  startS: number;
  endS: number;
  /** Critical-path time inside this part, s. */
  criticalS: number;
}

export interface WaterfallRow {
  hop: number;
  depth: number;
  label: string;
  /** What happened, in words ("timeout", "retry 2", "cache miss", "replica 1"). */
  notes: string[];
  failed: boolean;
  startS: number;
  endS: number;
  parts: WaterfallPart[];
}

export function waterfallRows(t: Trace, nodeName: (node: number) => string): WaterfallRow[] {
  const kids = childrenOf(t);
  const path = criticalPath(t);
  const critical = (hop: number, kinds: readonly string[], from: number, to: number): number => {
    let s = 0;
    for (const seg of path) {
      if (seg.hop === hop && kinds.includes(seg.kind))
        s += Math.max(0, Math.min(seg.endS, to) - Math.max(seg.startS, from));
    }
    return s;
  };
  const part = (hop: number, kind: PartKind, from: number, to: number): WaterfallPart[] => {
    if (!(to > from)) return [];
    const pathKind = kind === 'downstream' ? 'wait' : kind;
    return [{ kind, startS: from, endS: to, criticalS: critical(hop, [pathKind], from, to) }];
  };
  const rows: WaterfallRow[] = [];
  const visit = (i: number, depth: number): void => {
    const h = t.hops[i]!;
    const end = h.answerS >= 0 ? h.answerS : t.endS;
    const notes: string[] = [];
    if (h.attempt > 0) notes.push(`retry ${h.attempt}`);
    if (i > 0 && h.status !== 0) notes.push(reasonName(h.status));
    if ((h.flags & HOP_FALLBACK) !== 0) notes.push('fallback answered');
    if ((h.flags & HOP_CACHE_HIT) !== 0) notes.push('cache hit');
    if ((h.flags & HOP_CACHE_MISS) !== 0) notes.push('cache miss');
    if (h.replica >= 0) notes.push(`replica ${h.replica}`);
    if (h.backend >= 0) notes.push(`backend ${h.backend}`);
    if (i > 0 && h.arriveS >= 0 && h.respondS < 0) notes.push('still working when it ended');
    const parts: WaterfallPart[] = [];
    // The root's bar is the whole request; its parts are its calls' rows.
    if (i > 0) {
      const prev = t.hops.find(
        (s, k) =>
          k < i && s.parent === h.parent && s.edge === h.edge && s.attempt === h.attempt - 1,
      );
      if (prev !== undefined && prev.answerS >= 0)
        parts.push(...part(i, 'backoff', prev.answerS, h.sendS));
      if (h.arriveS < 0) parts.push(...part(i, 'wait', h.sendS, end));
      else {
        const respond = h.respondS >= 0 ? h.respondS : t.endS;
        const { workS, doneS } = localSpan(
          h,
          kids[i]!.map((k) => t.hops[k]!),
        );
        const done = Math.min(doneS >= 0 ? doneS : respond, respond);
        parts.push(...part(i, 'network', h.sendS, Math.min(h.arriveS, end)));
        parts.push(...part(i, 'queue', h.arriveS, Math.min(workS, respond)));
        parts.push(...part(i, 'service', workS, done));
        parts.push(...part(i, 'downstream', done, respond));
        if (h.respondS >= 0 && h.answerS >= h.respondS)
          parts.push(...part(i, 'network', h.respondS, h.answerS));
      }
    }
    rows.push({
      hop: i,
      depth,
      label: i === 0 ? `request from ${nodeName(h.node)}` : nodeName(h.node),
      notes,
      failed: h.status !== 0,
      startS: h.sendS,
      endS: end,
      parts,
    });
    for (const k of kids[i]!) visit(k, depth + 1);
  };
  visit(0, 0);
  return rows;
}
