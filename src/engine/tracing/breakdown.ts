/**
 * Where the time goes, over many traces. Two views:
 *
 * - per node, every hop's own split of its latency at the node (arrival to answer): waiting in
 *   the queue, in service, blocked on downstream calls; plus the network time of the calls into
 *   it. Over head-sampled traces (a plain random sample) the mean of queue + service + blocked
 *   estimates the node's measured mean latency;
 * - per node, the time it holds on the requests' critical paths (what the answer waited on):
 *   these add up to the requests' end-to-end latency, and the node with the most queue plus
 *   service time there is the bottleneck.
 */
import { childrenOf, criticalPath, localSpan } from './criticalPath.ts';
import type { Trace } from './types.ts';

export interface NodeTimes {
  /** Hops measured (their callee answered). */
  hops: number;
  queueS: number;
  serviceS: number;
  blockedS: number;
  /** One-way network time of the calls into the node, both ways. */
  networkS: number;
}

export interface Breakdown {
  traces: number;
  /** Sum over the traces of the client's measured latency. */
  totalS: number;
  /** By node index: each hop's own split (see above). */
  own: Map<number, NodeTimes>;
  /** By node index: critical-path time (blocked time goes to the node waited on). */
  critical: Map<number, CriticalTimes>;
  /** The node with the most queue + service time on the critical paths (-1: none). */
  bottleneck: number;
}

/** Critical-path time at a node: its own parts, and the time it waited with nothing known
 *  downstream (`waitS`: a lost call, a gap) or before a retry (`backoffS`). */
export interface CriticalTimes extends Omit<NodeTimes, 'hops' | 'blockedS'> {
  backoffS: number;
  waitS: number;
}

const emptyTimes = (): NodeTimes => ({ hops: 0, queueS: 0, serviceS: 0, blockedS: 0, networkS: 0 });

export function breakdown(traces: readonly Trace[]): Breakdown {
  const own = new Map<number, NodeTimes>();
  const critical = new Map<number, CriticalTimes>();
  let totalS = 0;
  for (const t of traces) {
    totalS += t.endS - t.startS;
    const kids = childrenOf(t);
    t.hops.forEach((h, i) => {
      if (i === 0 || h.arriveS < 0 || h.respondS < 0) return;
      const { workS, doneS } = localSpan(
        h,
        kids[i]!.map((k) => t.hops[k]!),
      );
      const n = own.get(h.node) ?? emptyTimes();
      n.hops++;
      n.queueS += workS - h.arriveS;
      n.serviceS += doneS - workS;
      n.blockedS += h.respondS - doneS;
      n.networkS += h.arriveS - h.sendS + (h.answerS >= h.respondS ? h.answerS - h.respondS : 0);
      own.set(h.node, n);
    });
    for (const seg of criticalPath(t)) {
      const hop = t.hops[seg.hop]!;
      // A backoff is the caller's wait; the rest belongs to the hop's callee.
      const node = seg.kind === 'backoff' ? t.hops[hop.parent]!.node : hop.node;
      const c = critical.get(node) ?? {
        queueS: 0,
        serviceS: 0,
        networkS: 0,
        backoffS: 0,
        waitS: 0,
      };
      const d = seg.endS - seg.startS;
      if (seg.kind === 'queue') c.queueS += d;
      else if (seg.kind === 'service') c.serviceS += d;
      else if (seg.kind === 'network') c.networkS += d;
      else if (seg.kind === 'backoff') c.backoffS += d;
      else c.waitS += d;
      critical.set(node, c);
    }
  }
  let bottleneck = -1;
  let most = 0;
  for (const [node, c] of critical) {
    if (c.queueS + c.serviceS > most) {
      most = c.queueS + c.serviceS;
      bottleneck = node;
    }
  }
  return { traces: traces.length, totalS, own, critical, bottleneck };
}
