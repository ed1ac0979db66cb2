/**
 * Stream (a partitioned log, Kafka-style). A producer's call ends at the broker's append
 * (`ackMs`). The message goes to partition mix32(key) mod P (the client's key space: a hot key
 * makes a hot partition) and stays there until retention removes it.
 *
 * Each outgoing call edge is a consumer group (a service). Every group reads every message, in
 * offset order per partition, one message in flight per partition (so order per key holds): the
 * group's next message in partition p goes to the replica that owns p, and the group's offset
 * moves on when the replica answers ok (at least once: a failure or a timeout is delivered again,
 * same offset, after RETRY_S). Partitions are shared round robin over the group's replicas that
 * are up (partition p → p mod members); a replica may own several, and replicas beyond P own none.
 * Lag = appended − consumed offsets, the message being consumed included (Kafka's lag against
 * the committed offset).
 *
 * Membership is looked at every TICK_S: when a replica of a group joins or leaves (scaling, a
 * crash, autoscaling), the group stops (messages in flight finish) for `rebalanceMs`, then shares
 * the partitions out among the replicas up then. A replay group (`replays`) joins at `atS` and
 * starts from the oldest retained message; its catch-up time is from then until its lag first
 * comes down to the live groups' (the largest of theirs; 0 without live groups).
 */
import type { StreamParams } from '../../model/types.ts';
import { CHARTED_PARTITIONS } from '../../model/kinds/streamFigures.ts';
import type { Call } from '../call.ts';
import { Sampler } from '../dists.ts';
import { StreamGroups } from '../messaging/streamGroups.ts';
import { StreamLog } from '../messaging/streamLog.ts';
import { r4 } from '../metrics/summary.ts';
import { UNAVAILABLE } from '../reasons.ts';
import type { NodeResult, NodeWindow } from '../types.ts';
import { BaseNode } from './base.ts';
import { mix32 } from './consistentHash.ts';
import { ServiceNode } from './service.ts';
import type { NodeContext } from './types.ts';

const SUB_ACK = 0;
/** Deliver again to (group · partition) `a` (after a failure, or after an answer inside a send). */
const SUB_DELIVER = 1;
const SUB_TICK = 2;
const SUB_REBALANCED = 3;
const SUB_REPLAY = 4;
/** How often group membership and time retention are looked at (s). */
const TICK_S = 0.1;
/** A failed delivery is tried again after this long (s): a consumer client's retry backoff. */
const RETRY_S = 0.1;

const LAG_KEYS = Array.from({ length: CHARTED_PARTITIONS }, (_, p) => `lagP${p}` as const);

export class StreamNode extends BaseNode {
  private params: StreamParams;
  private ack: Sampler;
  readonly log: StreamLog;
  private groups: StreamGroups | null = null;
  private readonly replayAt: Float64Array;
  /** Appended after warm-up, per partition. */
  private readonly appended: Float64Array;
  /** Inside a `send`: an answer that comes back at once is delivered on from an event. */
  private sending = false;

  constructor(ctx: NodeContext) {
    super(ctx);
    if (ctx.node.type !== 'stream') throw new Error('stream behaviour on another kind');
    const p = ctx.node.params;
    this.params = p;
    this.ack = new Sampler(p.ackMs, this.k.rng);
    this.log = new StreamLog(p.partitions, p.retentionMessages, p.retentionS ?? Infinity);
    this.appended = new Float64Array(p.partitions);
    const targets = this.out.map((e) => ctx.targets[this.k.edges[e]!.target]!.id);
    this.replayAt = new Float64Array(this.out.length).fill(-1);
    p.replays?.forEach((r, i) => {
      for (const id of r.groups) {
        const g = targets.indexOf(id);
        if (g < 0)
          throw new Error(
            `node "${this.id}": replays[${i}].groups: "${id}" is not a consumer group of this stream (it calls ${targets.map((t) => `"${t}"`).join(', ') || 'nothing'})`,
          );
        if (this.replayAt[g]! >= 0)
          throw new Error(`node "${this.id}": replays[${i}].groups: "${id}" replays twice`);
        this.replayAt[g] = r.atS;
      }
    });
  }

  override start(): void {
    const services = this.out.map((e) => {
      const n = this.k.nodes[this.k.edges[e]!.target]!;
      if (!(n instanceof ServiceNode)) throw new Error(`node "${this.id}": consumes only services`);
      return n;
    });
    const names = services.map((s) => s.id);
    this.groups = new StreamGroups(this.k, this.index, this.log, services, names, this.replayAt);
    for (let g = 0; g < this.out.length; g++) {
      const at = this.replayAt[g]!;
      if (at >= 0) this.k.scheduleNode(at, this.index, SUB_REPLAY, g, 0);
    }
    this.k.scheduleNode(TICK_S, this.index, SUB_TICK, 0, 0);
  }

  /** Live params (src/engine/actions.ts): the ack time and the rebalance pause. */
  retune(params: StreamParams): void {
    if (params.ackMs !== this.params.ackMs) this.ack = new Sampler(params.ackMs, this.k.rng);
    this.params = params;
  }

  arrive(c: Call): void {
    if (this.down) return this.k.respond(c, UNAVAILABLE);
    const p = mix32(c.key) % this.log.partitions;
    if (c.counted) this.appended[p]!++;
    this.log.append(p, c, this.k.now);
    this.groups!.appended(p);
    if (this.ack.isZero) this.k.respond(c, 0);
    else
      this.k.scheduleNode((this.ack.sample() * this.slow) / 1000, this.index, SUB_ACK, c.id, c.gen);
    const groups = this.out.length;
    for (let g = 0; g < groups; g++) this.deliver(g, p);
  }

  override onEvent(sub: number, a: number, b: number): void {
    const groups = this.groups!;
    if (sub === SUB_ACK) {
      const c = this.k.pool.alive(a, b);
      if (c !== null) this.k.respond(c, 0);
    } else if (sub === SUB_DELIVER) {
      groups.retrying[a] = 0;
      const P = this.log.partitions;
      this.deliver((a / P) | 0, a % P);
    } else if (sub === SUB_TICK) {
      for (let p = 0; p < this.log.partitions; p++) this.log.expire(p, this.k.now);
      for (let g = 0; g < this.out.length; g++) if (groups.membershipChanged(g)) this.pause(g);
      this.k.scheduleNode(TICK_S, this.index, SUB_TICK, 0, 0);
    } else if (sub === SUB_REBALANCED) {
      groups.resume(a);
      this.deliverAll(a);
    } else if (sub === SUB_REPLAY) {
      groups.join(a);
      this.deliverAll(a);
    }
  }

  override onAnswer(m: Call, _child: Call, reason: number): void {
    const gp = m.aux;
    const groups = this.groups!;
    groups.answered(gp, m, reason === 0);
    this.k.pool.free(m);
    if (reason !== 0) {
      groups.retrying[gp] = 1;
      this.k.scheduleNode(RETRY_S, this.index, SUB_DELIVER, gp, 0);
    } else if (this.sending) {
      groups.retrying[gp] = 1;
      this.k.scheduleNode(0, this.index, SUB_DELIVER, gp, 0);
    } else {
      const P = this.log.partitions;
      this.deliver((gp / P) | 0, gp % P);
    }
  }

  override setDown(replicasDown: number): void {
    super.setDown(replicasDown);
    if (!this.down) for (let g = 0; g < this.out.length; g++) this.deliverAll(g); // durable log
  }

  override describe(out: NodeResult | NodeWindow, window: boolean): void {
    const groups = this.groups!;
    if (window) {
      const w = out as NodeWindow;
      const charted = Math.min(this.log.partitions, CHARTED_PARTITIONS);
      for (let p = 0; p < charted; p++) w[LAG_KEYS[p]!] = groups.partitionLag(p);
      groups.describeWindow(w);
      return;
    }
    const r = out as NodeResult;
    const span = Math.max(0, this.k.now - this.k.warmupS);
    r.partitionRps = Array.from(this.appended, (n) => (span > 0 ? r4(n / span) : 0));
    r.retained = this.log.retained();
    groups.describeResult(r);
  }

  /** Stop group g for a rebalance (its partitions revoked), and resume after the pause. */
  private pause(g: number): void {
    this.groups!.pause(g);
    const s = this.params.rebalanceMs / 1000;
    this.k.scheduleNode(s, this.index, SUB_REBALANCED, g, 0);
  }

  private deliverAll(g: number): void {
    for (let p = 0; p < this.log.partitions; p++) this.deliver(g, p);
  }

  /** Send group g's next message in partition p to its owner, if it may have one now. */
  private deliver(g: number, p: number): void {
    if (this.down) return;
    const m = this.groups!.next(g, p);
    if (m === null) return;
    this.sending = true;
    this.k.send(m, this.out[g]!, this.groups!.ownerOf(g, p));
    this.sending = false;
  }
}
