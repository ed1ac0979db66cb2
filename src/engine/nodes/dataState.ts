/**
 * A database's data as replication sees it: per key, the time of the last write committed here
 * (`lastWriteT`) and the newest commit time visible here, local or replicated (`appliedT`),
 * both typed arrays over the clients' key space (see KEY_BOUND). A read on a replica is stale
 * when a primary it follows committed the key later than this node has applied.
 *
 * Roles: a database with no incoming replication edge, or with `multiPrimary`, is a primary;
 * otherwise it is a replica of the source of its (first) incoming replication edge, and its
 * `root` is the primary at the top of that chain. Primaries ship only their own commits; a
 * replica forwards what it applies down its own replication edges (cascading replicas).
 * Failover (failover.ts) promotes a replica when a primary with `failover` crashes.
 */
import type { Call } from '../call.ts';
import type { Kernel } from '../kernel.ts';
import type { NodeResult, NodeWindow } from '../types.ts';
import type { DatabaseNode } from './database.ts';
import { promoteBestReplica } from './failover.ts';
import { chainRoot, keySpaceOf, ReplicationLink } from './replication.ts';
import type { NodeContext } from './types.ts';

export const SUB_APPLY = 1;
export const SUB_PROMOTE = 2;
/** Cascading replicas forward at most this many hops (guards a cycle of replicas). */
const MAX_HOPS = 8;

export type DbRole = 'primary' | 'replica' | 'failedOver';

export class DataState {
  role: DbRole = 'primary';
  /** The primary this replica's freshness is judged against (-1: none). */
  root = -1;
  /** Primaries whose commits this node should see (its root; a multi-primary's peers). */
  sources: DataState[] = [];
  links: ReplicationLink[] = [];
  promotedTo = -1;
  readonly k: Kernel;
  readonly index: number;
  private readonly keySpace: number;
  private lastWriteT: Float64Array | null = null;
  private appliedT: Float64Array | null = null;
  /** Bumped on a failover crash: replication events of the old stream are void. */
  epoch = 0;
  // Figures (counted requests only, except the per-window ones).
  staleReads = 0;
  private wStale = 0;
  writes = 0;
  conflicts = 0;
  lostWrites = 0;
  refusedWrites = 0;
  crashAt = -1;
  rtoMs = -1;
  rpoMs = -1;
  promotedAtS = -1;

  constructor(
    readonly node: DatabaseNode,
    ctx: NodeContext,
  ) {
    this.k = ctx.kernel;
    this.index = ctx.index;
    this.keySpace = keySpaceOf(ctx.targets);
  }

  /** Once every node exists: find replication edges, roles and roots. */
  link(): void {
    const k = this.k;
    let upstream = -1;
    for (const e of k.edges) {
      if (e.doc.kind !== 'replication') continue;
      if (e.source === this.index && dbAt(k, e.target) !== null)
        this.links.push(new ReplicationLink(e, e.target));
      if (e.target === this.index && upstream < 0 && dbAt(k, e.source) !== null)
        upstream = e.source;
    }
    const involved = this.links.length > 0 || upstream >= 0;
    if (involved) {
      this.lastWriteT = new Float64Array(this.keySpace).fill(-1);
      this.appliedT = new Float64Array(this.keySpace).fill(-1);
    }
    if (upstream < 0) return;
    if (this.node.params.multiPrimary) {
      for (const e of k.edges)
        if (e.doc.kind === 'replication' && e.target === this.index) {
          const peer = dbAt(k, e.source);
          if (peer !== null && peer.node.params.multiPrimary) this.sources.push(peer);
        }
      return;
    }
    // Follow the chain up to a primary; in a cycle of replicas one member stands as primary.
    const root = chainRoot(
      this.index,
      (i) => dbAt(k, i)?.upstreamOf() ?? -1,
      (i) => dbAt(k, i)?.node.params.multiPrimary ?? true,
    );
    if (root === this.index) return;
    this.role = 'replica';
    this.root = root;
    const r = dbAt(k, root);
    if (r !== null) this.sources = [r];
  }

  upstreamOf(): number {
    for (const e of this.k.edges)
      if (
        e.doc.kind === 'replication' &&
        e.target === this.index &&
        dbAt(this.k, e.source) !== null
      )
        return e.source;
    return -1;
  }

  /** A read is served here: stale if a source committed the key later than we applied it. */
  read(c: Call): void {
    const applied = this.appliedT;
    if (applied === null || this.sources.length === 0) return;
    const key = c.key % this.keySpace;
    const seen = applied[key]!;
    for (let i = 0; i < this.sources.length; i++) {
      const lw = this.sources[i]!.lastWriteT;
      if (lw !== null && lw[key]! > seen) {
        this.wStale++;
        if (c.counted) this.staleReads++;
        return;
      }
    }
  }

  /** A write commits here now: record it and ship it down every replication stream. */
  commit(rawKey: number): void {
    this.writes++;
    const lw = this.lastWriteT;
    if (lw === null) return;
    const key = rawKey % this.keySpace;
    const now = this.k.now;
    lw[key] = now;
    this.appliedT![key] = now;
    this.ship(key, 0);
  }

  private ship(key: number, hops: number): void {
    const links = this.links;
    for (let i = 0; i < links.length; i++) {
      const delay = links[i]!.push(this.k.now, key, hops);
      this.k.scheduleNode(delay, this.index, SUB_APPLY, i, this.epoch);
    }
  }

  /** The head of stream `li` is due on its replica. */
  applyDue(li: number, epoch: number): void {
    if (epoch !== this.epoch) return;
    const link = this.links[li]!;
    link.shift();
    dbAt(this.k, link.target)?.applyRemote(link.key, link.commitT, link.hops);
  }

  private applyRemote(key: number, commitT: number, hops: number): void {
    const applied = this.appliedT;
    if (applied === null) return;
    // Multi-primary: a local write to the key after the remote commit but before it arrived
    // was made without seeing it: the two are concurrent (counted once, here).
    if (this.node.params.multiPrimary && this.lastWriteT![key]! >= commitT) this.conflicts++;
    if (commitT > applied[key]!) applied[key] = commitT;
    if (this.role === 'replica' && hops + 1 < MAX_HOPS) this.ship(key, hops + 1);
  }

  /** A call refused while down (writes refused in a failover gap count towards RTO's cost). */
  refused(c: Call): void {
    if (c.write && c.counted) this.refusedWrites++;
  }

  crashed(): void {
    const f = this.node.params.failover;
    if (f === undefined || this.role !== 'primary' || this.crashAt >= 0) return;
    if (!this.links.some((l) => dbAt(this.k, l.target) !== null)) return;
    this.crashAt = this.k.now;
    for (const l of this.links) l.cutAtCrash();
    this.epoch++;
    const delayS = (f.detectionMs + f.promotionMs) / 1000;
    this.k.scheduleNode(delayS, this.index, SUB_PROMOTE, 0, this.epoch);
  }

  promote(epoch: number): void {
    if (epoch === this.epoch) promoteBestReplica(this);
  }

  describe(out: NodeResult | NodeWindow, window: boolean): void {
    out.role = this.role;
    if (window) {
      out.staleReads = this.wStale;
      this.wStale = 0;
      let backlog = 0;
      for (const l of this.links) backlog += l.length;
      (out as NodeWindow).replicationBacklog = backlog;
      return;
    }
    out.staleReads = this.staleReads;
    out.lostWrites = this.lostWrites;
    out.conflicts = this.conflicts;
    out.writes = this.writes;
    if (this.refusedWrites > 0) out.refusedWrites = this.refusedWrites;
    if (this.rtoMs >= 0) out.rtoMs = this.rtoMs;
    if (this.rpoMs >= 0) out.rpoMs = this.rpoMs;
    if (this.promotedTo >= 0) out.promotedTo = this.k.nodes[this.promotedTo]!.id;
    if (this.promotedAtS >= 0) out.promotedAtS = this.promotedAtS;
  }
}

/** The database state of node `i`, or null when it is not a database. */
export function dbAt(k: Kernel, i: number): DataState | null {
  const n = k.nodes[i] as { data?: unknown } | undefined;
  return n !== undefined && n.data instanceof DataState ? n.data : null;
}
