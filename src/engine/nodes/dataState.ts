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
import type { EdgeRuntime } from '../edge.ts';
import type { Kernel } from '../kernel.ts';
import type { NodeResult, NodeWindow } from '../types.ts';
import type { DatabaseNode } from './database.ts';
import { r4 } from '../metrics/summary.ts';
import { promoteBestReplica } from './failover.ts';
import { PendingWrites } from './pendingWrites.ts';
import { chainRoot, keySpaceOf, ReplicationLink } from './replication.ts';
import { GroupSessions, sessionCount } from './sessions.ts';
import type { NodeContext } from './types.ts';

export const SUB_APPLY = 1;
export const SUB_PROMOTE = 2;
/** A replica's work applying a replicated write is done (it pays for write amplification). */
export const SUB_APPLIED = 6;
/** Cascading replicas forward at most this many hops (guards a cycle of replicas). */
const MAX_HOPS = 8;

export type DbRole = 'primary' | 'replica' | 'failedOver';

/** The copies a quorum read consulted (the first `count` of `copies`) and its wait. */
interface QuorumRead {
  pool: DataState[];
  edges: EdgeRuntime[];
  copies: DataState[];
  count: number;
  waitS: number;
}

export class DataState {
  role: DbRole = 'primary';
  /** The primary this replica's freshness is judged against (-1: none). */
  root = -1;
  /** Primaries whose commits this node should see (its root; a multi-primary's peers). */
  sources: DataState[] = [];
  links: ReplicationLink[] = [];
  /** The replication edge this replica is fed over (null on a primary). */
  upstreamEdge: EdgeRuntime | null = null;
  /** Writes waiting for replica acks (replicationMode other than async). */
  readonly pending = new PendingWrites();
  /** A quorum read's scratch: reused, so a read allocates nothing. */
  private readonly quorum: QuorumRead = { pool: [], edges: [], copies: [], count: 0, waitS: 0 };
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
  /** Reads served on a node with sources (a replica, a multi-primary), and the stale ones' age. */
  private reads = 0;
  private wReads = 0;
  private staleAgeS = 0;
  private wStaleAgeS = 0;
  /** Counted reads served while the edge feeding this replica was cut, and the stale ones. */
  private cutReads = 0;
  private cutStale = 0;
  writes = 0;
  conflicts = 0;
  lostWrites = 0;
  refusedWrites = 0;
  refusedReads = 0;
  readsToPrimary = 0;
  /** Its group's sessions (`sessions` on the primary), null: not tracked. */
  sessions: GroupSessions | null = null;
  monotonicViolations = 0;
  private wMonotonic = 0;
  private wRefused = 0;
  /** Multi-primary: writes taken while cut off from a peer (they diverge until it heals). */
  divergentWrites = 0;
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
    const mode = ctx.node.type === 'database' ? ctx.node.params.sessions : undefined;
    if (mode !== undefined) {
      const count = sessionCount(ctx.targets);
      this.sessions = new GroupSessions(mode, count, this.keySpace, ctx.node.id);
    }
  }

  /** Once every node exists: find replication edges, roles and roots. */
  link(): void {
    const k = this.k;
    let upstream = -1;
    for (const e of k.edges) {
      if (e.doc.kind !== 'replication') continue;
      if (e.source === this.index && dbAt(k, e.target) !== null)
        this.links.push(new ReplicationLink(e, e.target));
      if (e.target === this.index && upstream < 0 && dbAt(k, e.source) !== null) {
        upstream = e.source;
        this.upstreamEdge = e;
      }
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
    this.sessions = r?.sessions ?? null;
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

  /**
   * A read is served here: stale if a source committed the key later than we applied it. With
   * a read quorum (readQuorum R > 1 on a quorum-mode primary) it also consults R − 1 other
   * copies of the group, and is fresh if any of them holds the key's last acknowledged write;
   * returns the seconds the read then waits for the slowest of them (0: answer now).
   */
  read(c: Call): number {
    const applied = this.appliedT;
    if (applied === null) return 0;
    const key = c.key % this.keySpace;
    const root =
      this.role === 'replica' ? dbAt(this.k, this.root) : this.role === 'primary' ? this : null;
    const others = root === null ? 0 : root.readQuorumOthers();
    let waitS = 0;
    let seen = applied[key]!;
    if (others > 0) {
      const q = root!.consult(this, others);
      waitS = q.waitS;
      for (let i = 0; i < q.count; i++) seen = Math.max(seen, q.copies[i]!.appliedT![key]!);
    }
    if (this.sessions !== null && !this.sessions.monotonic(c.source, key, seen)) {
      this.wMonotonic++;
      if (c.counted) this.monotonicViolations++;
    }
    if (this.sources.length === 0) return waitS;
    this.wReads++;
    const cut = c.counted && this.upstreamEdge !== null && this.upstreamEdge.partitioned;
    if (c.counted) this.reads++;
    if (cut) this.cutReads++;
    for (let i = 0; i < this.sources.length; i++) {
      const lw = this.sources[i]!.lastWriteT;
      if (lw !== null && lw[key]! > seen) {
        // Its age: how long ago the newest write it missed was acknowledged.
        const age = this.k.now - lw[key]!;
        this.wStale++;
        this.wStaleAgeS += age;
        if (c.counted) {
          this.staleReads++;
          this.staleAgeS += age;
        }
        if (cut) this.cutStale++;
        return waitS;
      }
    }
    return waitS;
  }

  /**
   * Read-your-writes (`readYourWritesMs` on a replica): a read of a key its primary acknowledged
   * a write to within the window is passed to the primary, as a session that just wrote its own
   * data (the key) would be; counted as `readsToPrimary`.
   */
  sticksToPrimary(c: Call): boolean {
    const windowMs = this.node.params.readYourWritesMs;
    if (windowMs === undefined || this.role !== 'replica') return false;
    const lw = dbAt(this.k, this.root)?.lastWriteT;
    if (lw === null || lw === undefined) return false;
    const t = lw[c.key % this.keySpace]!;
    if (t < 0 || t < this.k.now - windowMs / 1000) return false;
    if (c.counted) this.readsToPrimary++;
    return true;
  }

  /** With sticky sessions: the copy of the group `c`'s session reads from, if not this one and
   *  up (-1: serve here). */
  sessionCopy(c: Call): number {
    const g = this.sessions;
    if (g === null || g.mode !== 'sticky') return -1;
    const primary = this.role === 'replica' ? dbAt(this.k, this.root) : this;
    if (primary === null) return -1;
    const i = g.copyOf(c.source, 1 + primary.links.length);
    const to = i === 0 ? primary.index : primary.links[i - 1]!.target;
    return to === this.index || dbAt(this.k, to)?.node.isDown !== false ? -1 : to;
  }

  /** On a quorum-mode primary: the other copies a read consults (R − 1, at most N − 1). */
  private readQuorumOthers(): number {
    const p = this.node.params;
    if (p.replicationMode !== 'quorum' || p.readQuorum <= 1) return 0;
    return Math.min(p.readQuorum, 1 + this.links.length) - 1;
  }

  /**
   * On a primary: `count` copies of its group other than `reader`, drawn at random among those
   * it can reach (up, and the primary over the reader's own replication edge, a replica over the
   * edge that feeds it), and the wait for the slowest answer: each copy answers after a draw of
   * its edge's latency plus its own read's work, which keeps it busy (its utilization shows the
   * quorum's cost).
   */
  private consult(reader: DataState, count: number): QuorumRead {
    const q = this.quorum;
    let n = reachable(q, 0, reader, this, reader.upstreamEdge);
    for (const l of this.links) {
      const d = dbAt(this.k, l.target);
      if (d !== null) n = reachable(q, n, reader, d, l.edge);
    }
    q.count = Math.min(count, n);
    q.waitS = 0;
    // A partial Fisher–Yates shuffle: the first `count` of the pool, uniformly.
    for (let i = 0; i < q.count; i++) {
      const j = i + Math.floor(this.k.rng.next() * (n - i));
      const d = q.pool[j]!;
      const e = q.edges[j]!;
      q.pool[j] = q.pool[i]!;
      q.edges[j] = q.edges[i]!;
      q.copies[i] = d;
      q.waitS = Math.max(q.waitS, e.lagDrawMs() / 1000 + d.node.consultedRead());
    }
    return q;
  }

  /**
   * Replica acks a write waits for before it is acknowledged, by `replicationMode` (the quorum
   * counts this primary's own copy), out of the streams it can reach now: with `onPartition`
   * serve, a write waits only for what it can reach; with refuse, -1 says it cannot be taken.
   */
  acksNeeded(): number {
    const p = this.node.params;
    const n = this.links.length;
    if (p.replicationMode === 'async' || n === 0) return 0;
    const want =
      p.replicationMode === 'semiSync'
        ? 1
        : p.replicationMode === 'sync'
          ? n
          : Math.min(n, p.writeQuorum - 1);
    let reachable = 0;
    for (let i = 0; i < n; i++) if (!this.links[i]!.edge.partitioned) reachable++;
    if (reachable >= want) return want;
    return p.onPartition === 'refuse' ? -1 : reachable;
  }

  /**
   * A write commits here now: record it and ship it down every replication stream. With acks
   * to wait for, the write is held (true) and answered by `acked` when enough replicas apply
   * it; its key counts as written (for stale reads) from then, when its client learns of it.
   */
  commit(c: Call, need: number): boolean {
    this.writes++;
    const lw = this.lastWriteT;
    if (lw === null) return false;
    const key = c.key % this.keySpace;
    const now = this.k.now;
    this.appliedT![key] = now;
    if (this.node.params.multiPrimary && this.cutOffFromPeer()) this.divergentWrites++;
    if (need <= 0) {
      lw[key] = now;
      this.ship(key, 0, -1);
      return false;
    }
    this.ship(key, 0, this.pending.add(c.id, c.gen, need, key, now));
    return true;
  }

  /** Multi-primary: a replication edge to or from a peer is partitioned now. */
  private cutOffFromPeer(): boolean {
    for (const l of this.links) if (l.edge.partitioned) return true;
    return this.upstreamEdge?.partitioned === true;
  }

  /** A replica applied a held write: one ack; the last one needed answers the write. */
  private acked(slot: number): void {
    const p = this.pending;
    if (!p.ack(slot)) return;
    const lw = this.lastWriteT!;
    const key = p.key[slot]!;
    if (p.commitT[slot]! > lw[key]!) lw[key] = p.commitT[slot]!;
    const c = this.k.pool.alive(p.callId[slot]!, p.gen[slot]!);
    if (c !== null && !c.killed) this.node.finishWrite(c);
  }

  private ship(key: number, hops: number, waiter: number): void {
    const links = this.links;
    for (let i = 0; i < links.length; i++) {
      // A stream cut off now carries no ack: the write waits only for those it can reach.
      const w = waiter >= 0 && links[i]!.edge.partitioned ? -1 : waiter;
      if (w >= 0) this.pending.carry(w);
      const delay = links[i]!.push(this.k.now, key, hops, w);
      this.k.scheduleNode(delay, this.index, SUB_APPLY, i, this.epoch);
    }
  }

  /** The head of stream `li` is due on its replica; across a partition it waits for the heal. */
  applyDue(li: number, epoch: number): void {
    if (epoch !== this.epoch) return;
    const link = this.links[li]!;
    if (link.edge.partitioned) {
      link.held++;
      return;
    }
    link.shift();
    dbAt(this.k, link.target)?.applyRemote(link.key, link.commitT, link.hops);
    if (link.waiter >= 0) this.acked(link.waiter);
  }

  /** A replication edge of this node healed: what came due across it is sent again now. */
  healed(edge: number): void {
    for (let i = 0; i < this.links.length; i++) {
      const link = this.links[i]!;
      if (link.edge.index !== edge || link.edge.partitioned) continue;
      for (; link.held > 0; link.held--)
        this.k.scheduleNode(link.nextDelay(this.k.now), this.index, SUB_APPLY, i, this.epoch);
    }
  }

  /** A read on a replica cut off from its primary, that chose to refuse: it fails. */
  refusesRead(c: Call): boolean {
    if (this.role !== 'replica' || this.node.params.onPartition !== 'refuse') return false;
    if (this.upstreamEdge?.partitioned !== true) return false;
    this.wRefused++;
    if (c.counted) this.refusedReads++;
    return true;
  }

  private applyRemote(key: number, commitT: number, hops: number): void {
    const applied = this.appliedT;
    if (applied === null) return;
    // Multi-primary: a local write to the key after the remote commit but before it arrived
    // was made without seeing it: the two are concurrent (counted once, here).
    if (this.node.params.multiPrimary && this.lastWriteT![key]! >= commitT) this.conflicts++;
    if (commitT > applied[key]!) applied[key] = commitT;
    this.node.applyWork();
    if (this.role === 'replica' && hops + 1 < MAX_HOPS) this.ship(key, hops + 1, -1);
  }

  /** A call refused while down (writes refused in a failover gap count towards RTO's cost). */
  refused(c: Call): void {
    if (c.write && c.counted) this.refusedWrites++;
    if (c.write) this.wRefused++;
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
      if (this.wReads > 0) out.staleReadShare = r4(this.wStale / this.wReads);
      if (this.wStale > 0) out.stalenessMs = r4((this.wStaleAgeS / this.wStale) * 1000);
      this.wStale = 0;
      this.wReads = 0;
      this.wStaleAgeS = 0;
      let backlog = 0;
      let lagS = 0;
      for (const l of this.links) {
        backlog += l.length;
        lagS = Math.max(lagS, l.lagS(this.k.now));
      }
      (out as NodeWindow).replicationBacklog = backlog;
      if (this.links.length > 0) (out as NodeWindow).replicationLagMs = r4(lagS * 1000);
      out.refused = this.wRefused;
      this.wRefused = 0;
      if (this.sessions !== null) out.monotonicViolations = this.wMonotonic;
      this.wMonotonic = 0;
      return;
    }
    out.staleReads = this.staleReads;
    if (this.reads > 0) out.staleReadShare = r4(this.staleReads / this.reads);
    if (this.staleReads > 0) out.stalenessMs = r4((this.staleAgeS / this.staleReads) * 1000);
    if (this.cutReads > 0) {
      out.partitionReads = this.cutReads;
      out.partitionStaleReadShare = r4(this.cutStale / this.cutReads);
    }
    out.lostWrites = this.lostWrites;
    out.conflicts = this.conflicts;
    out.writes = this.writes;
    if (this.refusedWrites > 0) out.refusedWrites = this.refusedWrites;
    if (this.refusedReads > 0) out.refusedReads = this.refusedReads;
    if (this.node.params.readYourWritesMs !== undefined) out.readsToPrimary = this.readsToPrimary;
    if (this.sessions !== null) out.monotonicViolations = this.monotonicViolations;
    if (this.divergentWrites > 0) out.divergentWrites = this.divergentWrites;
    if (this.rtoMs >= 0) out.rtoMs = this.rtoMs;
    if (this.rpoMs >= 0) out.rpoMs = this.rpoMs;
    if (this.promotedTo >= 0) out.promotedTo = this.k.nodes[this.promotedTo]!.id;
    if (this.promotedAtS >= 0) out.promotedAtS = this.promotedAtS;
  }
}

/** Puts copy `d` (reached over `e`) in the quorum read's pool unless it is the reader or cut
 *  off; returns the pool's new size. */
function reachable(
  q: QuorumRead,
  n: number,
  reader: DataState,
  d: DataState,
  e: EdgeRuntime | null,
): number {
  if (d === reader || e === null || e.partitioned || d.node.isDown) return n;
  q.pool[n] = d;
  q.edges[n] = e;
  return n + 1;
}

/** The database state of node `i`, or null when it is not a database. */
export function dbAt(k: Kernel, i: number): DataState | null {
  const n = k.nodes[i] as { data?: unknown } | undefined;
  return n !== undefined && n.data instanceof DataState ? n.data : null;
}
