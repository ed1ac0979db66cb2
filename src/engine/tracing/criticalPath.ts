/**
 * A trace's critical path: the chain of moments the request's answer waited on, from the
 * client's send to its answer. Walking back from the root's end, each hop's time splits into
 * its parts (network each way, queue, service), and time blocked on downstream calls goes to
 * the call that answered last before the moment in question (then on back from its send), so
 * the segments tile the root's interval with no gap or overlap: their durations add up to the
 * client's measured latency (up to rounding).
 */
import type { Trace, TraceHop } from './types.ts';

export type SegmentKind = 'network' | 'queue' | 'service' | 'backoff' | 'wait';

export interface PathSegment {
  /** The hop whose time this is (network: the call over the edge; backoff: the retry). */
  hop: number;
  kind: SegmentKind;
  startS: number;
  endS: number;
}

/** Hop indices of each hop's calls, in send order. */
export function childrenOf(t: Trace): number[][] {
  const kids: number[][] = t.hops.map(() => []);
  t.hops.forEach((h, i) => {
    if (h.parent >= 0) kids[h.parent]!.push(i);
  });
  return kids;
}

/**
 * When the hop's local work started and ended, absent marks filled from what is known: a kind
 * without a queue starts at once; a callee that never answered (its caller gave up) and never
 * took a worker was queued throughout (workS Infinity), one that took one was still at work.
 */
export function localSpan(
  h: TraceHop,
  kids: readonly TraceHop[],
): { workS: number; doneS: number } {
  const unfinished = h.respondS < 0;
  const workS = h.workS >= 0 ? h.workS : unfinished ? Infinity : h.arriveS;
  let doneS = h.workedS;
  if (doneS < 0) {
    if (kids.length > 0) doneS = Math.min(...kids.map((k) => k.sendS));
    else doneS = unfinished ? Infinity : h.respondS;
  }
  return { workS, doneS: Math.max(workS, doneS) };
}

/** The critical path, earliest segment first; zero-length segments are left out. */
export function criticalPath(t: Trace): PathSegment[] {
  const kids = childrenOf(t);
  const segs: PathSegment[] = [];
  const push = (hop: number, kind: SegmentKind, startS: number, endS: number): number => {
    const s = Math.min(startS, endS);
    if (endS > s) segs.push({ hop, kind, startS: s, endS });
    return s;
  };

  /** Hop i's callee side, from its arrival to `endS` (its answer, or when its caller gave up). */
  const server = (i: number, endS: number): void => {
    const h = t.hops[i]!;
    const mine = kids[i]!.map((k) => t.hops[k]!);
    const { workS, doneS } = localSpan(h, mine);
    let cur = endS;
    let later = -1;
    while (cur > doneS) {
      let best = -1;
      for (const k of kids[i]!) {
        const c = t.hops[k]!;
        if (c.answerS < 0 || c.answerS > cur || c.sendS < doneS) continue;
        if (best < 0 || c.answerS > t.hops[best]!.answerS) best = k;
      }
      if (best < 0) break;
      const c = t.hops[best]!;
      const next = later >= 0 ? t.hops[later]! : null;
      // The wait before a retry is its backoff, the retry's own.
      if (next !== null && next.edge === c.edge && next.attempt > c.attempt) {
        cur = push(later, 'backoff', c.answerS, cur);
      } else cur = push(i, 'wait', c.answerS, cur);
      cur = call(best, cur);
      later = best;
    }
    cur = push(i, 'wait', Math.min(doneS, cur), cur);
    cur = push(i, 'service', Math.min(workS, cur), cur);
    push(i, 'queue', h.arriveS, cur);
  };

  /** Call hop i, from its answer (`endS`) back to its send; returns its send time. */
  const call = (i: number, endS: number): number => {
    const h = t.hops[i]!;
    if (h.arriveS < 0) return push(i, 'wait', h.sendS, endS); // refused, lost on the way
    let cur = endS;
    if (h.respondS >= 0 && h.respondS <= cur) {
      cur = push(i, 'network', h.respondS, cur);
    }
    const arrive = Math.min(h.arriveS, cur);
    if (cur > arrive) server(i, cur);
    return push(i, 'network', h.sendS, arrive);
  };

  server(0, t.endS);
  return segs.reverse();
}
