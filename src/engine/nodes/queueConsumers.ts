/**
 * The queue's view of its consumers (pull model): a consumer edge may hold at most as many
 * unfinished messages as the workers its consumers have up right now: the target service's
 * available workers (`stats.capacity`: replicas up × workers, which follows crashes and
 * autoscaling), or the sum over the services behind a load balancer. Other kinds are not
 * limited. So a message leaves the queue only when a worker is free to start it, and waiting
 * is counted in the queue (depth, message age), not in the consumer's own queue. A batch
 * consumer's worker holds a batch: its edge may hold a batch's worth per worker.
 */
import type { Kernel } from '../kernel.ts';
import { ServiceNode } from './service.ts';

export class ConsumerCredit {
  /** Per consumer edge (by position): the nodes whose free workers it may use (-1 = unlimited). */
  private readonly sources: Int32Array[];
  /** By node index: messages one worker may hold (a batch consumer's batch size, else 1). */
  private readonly perWorker: Float64Array;

  constructor(
    private readonly k: Kernel,
    edges: readonly number[],
  ) {
    this.perWorker = Float64Array.from(k.nodes, (n) =>
      n instanceof ServiceNode ? n.itemsPerWorker : 1,
    );
    this.sources = edges.map((e) => {
      const t = k.edges[e]!.target;
      const node = k.nodes[t]!;
      if (node.type === 'service' || node.type === 'database') return Int32Array.of(t);
      if (node.type === 'loadBalancer') {
        const behind = node.out.map((b) => k.edges[b]!.target);
        return Int32Array.from(behind);
      }
      return Int32Array.of(-1);
    });
  }

  /** Messages consumer edge `i` may hold at once now. */
  limit(i: number): number {
    const src = this.sources[i]!;
    let n = 0;
    for (let j = 0; j < src.length; j++) {
      const t = src[j]!;
      if (t < 0) return Infinity;
      n += this.k.nodes[t]!.stats.capacity * this.perWorker[t]!;
    }
    return n;
  }
}
