/**
 * The caller policies combined (retry with backoff and budget, circuit breaker, fallback), as
 * the kernel's `CallPolicy`. Order around one call over an edge:
 *
 *   beforeCall: count a first try for the budget; ask the breaker (refuse → 'circuitOpen').
 *   afterCall:  tell the breaker the outcome (not for its own refusals);
 *               OK → pass the degraded mark up, score goodput at the root;
 *               failed and retryable, attempts left, budget allows → re-send after the backoff;
 *               else with fallback → answer the caller OK (degraded);
 *               else → the failure goes to the caller.
 *
 * A pending retry is a pooled `Call` used as a token (parent, edge, replica, backend, attempt)
 * named by an EV_POLICY event, so nothing is allocated per retry once the pool is warm.
 */
import type { Scenario } from '../../model/types.ts';
import type { Call } from '../call.ts';
import type { EdgeRuntime } from '../edge.ts';
import type { Kernel } from '../kernel.ts';
import { BULKHEAD_FULL, BULKHEAD_TIMEOUT, CIRCUIT_OPEN } from '../reasons.ts';
import type { EdgeResult, EdgeWindow, NodeResult, NodeWindow } from '../types.ts';
import { ADMIT_PROBE, Breakers, REFUSE } from './breaker.ts';
import { Bulkheads, GAVE_UP, IN_LINE } from './bulkhead.ts';
import { BulkheadWaits } from './bulkheadWaits.ts';
import { CallTags } from './callTags.ts';
import { RetryBudgets } from './budget.ts';
import { COUNT, EdgeCounters } from './edgeCounters.ts';
import { Degradation } from './fallback.ts';
import { HELD, noPolicy, type CallPolicy } from './index.ts';
import { RetrySettings } from './retry.ts';
import { RetryTokens } from './retryTokens.ts';

const EV_RETRY = 0;
/** A call that waited at a bulkhead goes: its slot is taken already. */
const EV_UNHELD = 1;
/** A call waiting at a bulkhead has waited its longest (a = token id, b = its gen). */
const EV_GIVE_UP = 2;

export class ResiliencePolicy implements CallPolicy {
  private readonly retry: RetrySettings;
  private readonly budgets: RetryBudgets;
  private readonly tokens: RetryTokens;
  private readonly breakers: Breakers;
  private readonly degradation: Degradation;
  private readonly bulkheads: Bulkheads;
  private readonly waits: BulkheadWaits;
  private readonly probes = new CallTags();
  readonly counters: EdgeCounters;
  /** Set by beforeCall when it refuses: the refusal's answer follows at once in afterCall. */
  private refusing = false;
  /** Set by onEvent while it sends a call that waited at a bulkhead: its slot is taken. */
  private slotTaken = false;
  /** Set by onEvent while it sends a call whose bulkhead wait ran out: it is refused. */
  private givingUp = false;
  /** OK answers can be degraded (a fallback) or late (retries, mixed timeouts): score them. */
  private scoreOk: boolean;

  constructor(
    private readonly k: Kernel,
    private readonly doc: Scenario,
  ) {
    const edges = k.edges;
    const docs = edges.map((e) => e.doc);
    this.retry = new RetrySettings(docs.map((e) => e.retry));
    this.budgets = new RetryBudgets(docs.map((e) => e.retry?.budgetRatio));
    this.tokens = new RetryTokens(docs.map((e) => e.retry));
    this.breakers = new Breakers(docs.map((e) => e.circuitBreaker));
    this.bulkheads = new Bulkheads(docs.map((e) => e.bulkhead));
    this.waits = new BulkheadWaits(doc.nodes.map((n) => n.type));
    this.degradation = new Degradation(
      docs.map((e) => e.fallback === true),
      doc.nodes.map((_, n) => clientDeadlineS(edges, n)),
      // Requests start at clients only: the client kind is where a request's deadline begins.
      doc.nodes.map((n) => n.type === 'client'),
    );
    this.counters = new EdgeCounters(edges.length);
    // Only breakers: every OK answer is on time and real, goodput = throughput without work.
    this.scoreOk =
      docs.some((e) => e.fallback === true || (e.retry !== undefined && e.retry.max > 0)) ||
      hasMixedDeadline(k, doc);
  }

  beforeCall(k: Kernel, e: EdgeRuntime, child: Call): number {
    const i = e.index;
    const slotTaken = this.slotTaken;
    this.slotTaken = false;
    if (this.givingUp) {
      this.givingUp = false;
      return this.refuse(i, child, BULKHEAD_TIMEOUT);
    }
    const bulkhead = this.bulkheads.has(i);
    if (bulkhead && !slotTaken) {
      if (this.bulkheads.tryTake(i)) this.waits.add(e.source, 0, child.counted);
      else if (this.bulkheads.canWait(i)) return this.hold(k, i, child);
      else return this.refuse(i, child, BULKHEAD_FULL);
    }
    if (child.attempt === 0 && this.budgets.has(i)) this.budgets.firstTry(i, k.now);
    if (this.breakers.has[i] === 1) {
      const verdict = this.breakers.admit(i, k.now);
      if (verdict === REFUSE) {
        if (bulkhead) this.releaseSlot(k, i);
        return this.refuse(i, child, CIRCUIT_OPEN);
      }
      if (verdict === ADMIT_PROBE) this.probes.mark(child);
    }
    return 0;
  }

  /** `child` waits at edge i's bulkhead: a token stands for it, and gives up after the bound. */
  private hold(k: Kernel, i: number, child: Call): number {
    const token = this.token(k, child, child.attempt);
    token.sendT = k.now;
    this.bulkheads.wait(i, token);
    const bound = this.bulkheads.maxWaitS[i]!;
    if (bound < Infinity) k.schedulePolicy(bound, token.id, token.gen, EV_GIVE_UP);
    return HELD;
  }

  private refuse(i: number, child: Call, reason: number): number {
    this.counters.add(i, COUNT.REFUSED, child.counted);
    this.refusing = true;
    return reason;
  }

  /** A slot over edge i is back: the next call waiting there, if any, goes. */
  private releaseSlot(k: Kernel, i: number): void {
    this.bulkheads.release(i);
    for (let next = this.bulkheads.next(i); next >= 0; next = this.bulkheads.next(i)) {
      const token = k.pool.calls[next]!;
      // One that gave up was answered already: it only held its place in the line.
      if (token.aux === GAVE_UP) {
        k.pool.free(token);
        continue;
      }
      this.bulkheads.left(i, token);
      this.bulkheads.take(i);
      k.schedulePolicy(0, token.id, token.gen, EV_UNHELD);
      return;
    }
  }

  afterCall(k: Kernel, e: EdgeRuntime, child: Call, reason: number): boolean {
    const i = e.index;
    const ownRefusal = this.refusing;
    this.refusing = false;
    if (!ownRefusal && this.bulkheads.has(i)) this.releaseSlot(k, i);
    if (this.breakers.has[i] === 1 && !ownRefusal) {
      const probe = this.probes.has(child);
      if (this.breakers.record(i, k.now, reason !== 0, probe)) {
        this.counters.add(i, COUNT.OPENS, child.counted);
      }
    }
    if (reason === 0) {
      if (this.tokens.has(i)) this.tokens.success(i);
      if (this.scoreOk) this.degradation.okAnswer(k, child);
      return false;
    }
    if (
      this.retry.retryable(i, reason) &&
      child.attempt < this.retry.max[i]! &&
      this.scheduleRetry(k, child)
    ) {
      return true;
    }
    if (this.degradation.fallback[i] === 1) {
      this.counters.add(i, COUNT.FALLBACKS, child.counted);
      k.global.fellBack(child.counted);
      this.degradation.fallBack(k, child);
      return true;
    }
    return false;
  }

  onEvent(k: Kernel, a: number, b: number, kind: number): void {
    const token = k.pool.calls[a]!;
    if (token.gen !== b) return;
    if (kind === EV_GIVE_UP) return this.giveUp(k, token);
    if (token.aux === GAVE_UP) return k.pool.free(token); // switched off: it had given up
    const { parent: parentId, parentGen, edge, replica, backend, attempt, sendT } = token;
    k.pool.free(token);
    const parent = k.pool.alive(parentId, parentGen);
    if (kind === EV_UNHELD) {
      // Its slot was taken for it: a parent gone meanwhile gives the slot to the next in line.
      if (parent === null) return this.releaseSlot(k, edge);
      this.waits.add(k.edges[edge]!.source, k.now - sendT, parent.counted);
      this.slotTaken = this.bulkheads.has(edge);
      return k.send(parent, edge, replica, backend, attempt);
    }
    // A parent gone meanwhile (its replica crashed) needs no answer any more.
    if (parent === null) return;
    // Counted when sent, not when scheduled: a retry due after the end, or dropped because
    // its parent has gone, was never sent.
    this.counters.add(edge, COUNT.RETRIES, parent.counted);
    k.global.retried(parent.counted);
    k.send(parent, edge, replica, backend, attempt);
  }

  /**
   * A waiting call's bound ran out: it leaves the wait and its caller hears 'bulkheadTimeout'
   * (through `send`, refused, so the refusal is counted and answered as any other). Its token
   * keeps its place in the line until it comes up (`releaseSlot` frees it then).
   */
  private giveUp(k: Kernel, token: Call): void {
    if (token.aux !== IN_LINE) return; // a slot came first
    const edge = token.edge;
    this.bulkheads.left(edge, token);
    token.aux = GAVE_UP;
    const parent = k.pool.alive(token.parent, token.parentGen);
    if (parent === null) return;
    this.waits.add(k.edges[edge]!.source, k.now - token.sendT, parent.counted);
    this.givingUp = true;
    k.send(parent, edge, token.replica, token.backend, token.attempt);
  }

  edgeState(e: EdgeRuntime): 'closed' | 'open' | 'halfOpen' | undefined {
    return this.breakers.has[e.index] === 1
      ? this.breakers.stateName(e.index, this.k.now)
      : undefined;
  }

  describeEdge(e: EdgeRuntime, out: EdgeWindow | EdgeResult, window: boolean): void {
    this.counters.describe(e.index, out, window);
  }

  describeNode(node: number, out: NodeWindow | NodeResult, window: boolean): void {
    this.waits.describe(node, out, window);
  }

  /** Edge e's fields changed live (src/engine/actions.ts): its policies follow from now on. */
  retuneEdge(e: EdgeRuntime): void {
    const d = e.doc;
    this.retry.set(e.index, d.retry);
    this.budgets.set(e.index, d.retry?.budgetRatio);
    this.tokens.set(e.index, d.retry);
    this.breakers.set(e.index, d.circuitBreaker);
    this.degradation.setFallback(e.index, d.fallback === true);
    // A bulkhead switched off lets its waiting calls go at once (and forgets those that gave up).
    for (const id of this.bulkheads.set(e.index, d.bulkhead)) {
      const token = this.k.pool.calls[id]!;
      if (token.aux === IN_LINE) token.aux = 0;
      this.k.schedulePolicy(0, token.id, token.gen, EV_UNHELD);
    }
    this.degradation.setDeadline(e.source, clientDeadlineS(this.k.edges, e.source));
    if (d.fallback === true || (d.retry !== undefined && d.retry.max > 0)) this.scoreOk = true;
    if (e.timeoutS > 0) this.scoreOk ||= hasMixedDeadline(this.k, this.doc);
  }

  /** Operator action on edge i's breaker; false when the edge has none. */
  forceBreaker(i: number, open: boolean): boolean {
    if (this.breakers.has[i] !== 1) return false;
    if (this.breakers.force(i, this.k.now, open))
      this.counters.add(i, COUNT.OPENS, this.k.now >= this.k.warmupS);
    return true;
  }

  /** Hold the failed attempt's answer and re-send later; false when the budget says no. */
  private scheduleRetry(k: Kernel, child: Call): boolean {
    const i = child.edge;
    if (k.pool.alive(child.parent, child.parentGen) === null) return false;
    const bucket = this.tokens.has(i);
    if (
      (bucket && !this.tokens.available(i)) ||
      (this.budgets.has(i) && !this.budgets.tryWithdraw(i, k.now))
    ) {
      this.counters.add(i, COUNT.BUDGET_DENIED, child.counted);
      return false;
    }
    if (bucket) this.tokens.spend(i);
    const token = this.token(k, child, child.attempt + 1);
    k.schedulePolicy(this.retry.delayS(i, token.attempt, k.rng), token.id, token.gen, EV_RETRY);
    return true;
  }

  /** A pooled call holding what it takes to send `child` again later, as attempt `attempt`. */
  private token(k: Kernel, child: Call, attempt: number): Call {
    const token = k.pool.alloc();
    token.parent = child.parent;
    token.parentGen = child.parentGen;
    token.edge = child.edge;
    // Only a pin the caller chose (a balancer's backend) is kept; a callee's own choice is not.
    token.replica = child.backend >= 0 ? child.replica : -1;
    token.backend = child.backend;
    token.attempt = attempt;
    return token;
  }
}

/** A client's deadline: the largest timeout on its outgoing call edges (Infinity if none). */
function clientDeadlineS(edges: readonly EdgeRuntime[], node: number): number {
  let d = -1;
  for (const e of edges) if (e.source === node && e.timeoutS > 0) d = Math.max(d, e.timeoutS);
  return d < 0 ? Infinity : d;
}

/**
 * The policy for a run: `noPolicy` (zero cost) unless some edge has a retry, a breaker or a
 * fallback, or some client mixes edges with and without a timeout (then an OK answer can miss
 * the deadline, which goodput must see), or `live`: actions change an edge's policies.
 */
export function createCallPolicy(k: Kernel, doc: Scenario, live = false): CallPolicy {
  const active =
    live ||
    k.edges.some(
      (e) =>
        (e.doc.retry !== undefined && e.doc.retry.max > 0) ||
        e.doc.circuitBreaker !== undefined ||
        e.doc.bulkhead !== undefined ||
        e.doc.fallback === true,
    );
  return active || hasMixedDeadline(k, doc) ? new ResiliencePolicy(k, doc) : noPolicy;
}

/** Some client has outgoing edges with and without a timeout: an OK answer may be late. */
function hasMixedDeadline(k: Kernel, doc: Scenario): boolean {
  return doc.nodes.some((n, i) => {
    if (n.type !== 'client') return false; // requests, and their deadlines, start at clients
    const out = k.edges.filter((e) => e.source === i && e.doc.kind === 'call');
    return out.some((e) => e.timeoutS > 0) && out.some((e) => e.timeoutS === 0);
  });
}
