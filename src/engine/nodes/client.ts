/**
 * Client: where traffic comes from. Open arrivals (poisson, constant) follow the rate profile
 * times any spike fault; poisson uses thinning against the profile's peak, which is exact for
 * a time-varying rate. Closed arrivals: each user sends, waits for the answer, thinks, repeats
 * (profile and spike do not apply to them). Several outgoing edges split traffic by weight.
 */
import type { ClientParams } from '../../model/types.ts';
import type { Call } from '../call.ts';
import { ClassMix } from '../classes/classMix.ts';
import { ClassStats } from '../classes/classStats.ts';
import { Sampler } from '../dists.ts';
import { Rng, streamSeed } from '../rng.ts';
import { ZipfKeys } from '../zipf.ts';
import { BaseNode } from './base.ts';
import type { NodeContext } from './types.ts';
import { RateProfile } from './rateProfile.ts';
import { ScheduledJobs } from '../messaging/schedule.ts';
import type { NodeResult, NodeWindow } from '../types.ts';

const SUB_ARRIVAL = 0;
const SUB_USER = 1;
/** Scheduled jobs: a burst's tick (a = burst), one jittered job of it. */
const SUB_TICK = 2;
const SUB_JOB = 3;

export class ClientNode extends BaseNode {
  private p: ClientParams;
  private readonly profile: RateProfile;
  /** No profile: the rate is always its peak (the same product), so it is not looked up. */
  private readonly flat: boolean;
  private readonly keys: ZipfKeys | null;
  private readonly think: Sampler | null;
  /**
   * The client's own streams, apart from the shared one: arrival times, think times and edge
   * choice in one, request attributes (key, write, source) in the other. Same seed, same
   * arrivals, whatever the rest of the design draws.
   */
  private readonly rng: Rng;
  private readonly attrRng: Rng;
  private spike = 1;
  /** Bumped when the rate changes abruptly: the pending arrival is void and redrawn. */
  private arrivalGen = 0;
  /** Closed workload after a live cut in users: which retired users have stopped (lazily). */
  private stopped: Uint8Array | null = null;
  private usersStarted = 0;
  /** With request classes in the document: the mix this client sends. */
  private readonly mix: ClassMix | null;
  /** A scheduled job source (`schedule`): bursts instead of arrivals (null: arrivals). */
  private readonly jobs: ScheduledJobs | null;

  constructor(ctx: NodeContext) {
    super(ctx);
    if (ctx.node.type !== 'client') throw new Error('client behaviour on a non-client');
    this.p = ctx.node.params;
    this.rng = new Rng(streamSeed(this.k.rng.seed, 2 * ctx.index));
    this.attrRng = new Rng(streamSeed(this.k.rng.seed, 2 * ctx.index + 1));
    this.profile = new RateProfile(this.p.profile);
    this.flat = this.p.profile.length === 0;
    this.keys = this.k.needKeys
      ? new ZipfKeys(this.p.keys.count, this.p.keys.zipf, this.attrRng)
      : null;
    const arrival = this.p.arrival;
    this.think = arrival.process === 'closed' ? new Sampler(arrival.thinkMs, this.rng) : null;
    this.mix = this.k.classes.count > 0 ? new ClassMix(this.k, this.p, this.attrRng) : null;
    // Its figures by class are its own classes' (its chart slots, in its order), end to end.
    if (this.mix !== null) this.stats.byClass = new ClassStats(this.k, this.mix.slots, true);
    const s = this.p.schedule;
    this.jobs = s ? new ScheduledJobs(this.k, s) : null;
  }

  override start(): void {
    if (this.jobs !== null) {
      this.k.scheduleNode(this.jobs.firstS, this.index, SUB_TICK, 0, 0);
      return;
    }
    const arrival = this.p.arrival;
    if (arrival.process === 'closed') {
      // Users start spread over one think time, so they do not all fire at t = 0.
      this.startUsers(0, arrival.users);
    } else {
      this.scheduleArrival();
    }
  }

  override setSpike(multiplier: number): void {
    this.spike = multiplier;
    if (this.p.arrival.process === 'closed') return;
    // Memoryless: dropping the pending poisson arrival and drawing afresh is exact.
    this.arrivalGen++;
    this.scheduleArrival();
  }

  /**
   * Live params (src/engine/actions.ts). A new open rate redraws the pending arrival (exact
   * for poisson, memoryless). More users start thinking now; with fewer, the users beyond the
   * count finish their request and stop.
   */
  retune(params: ClientParams): void {
    const before = this.p.arrival;
    this.p = params;
    const now = params.arrival;
    if (now.process === 'closed' && before.process === 'closed') {
      if (now.users > before.users) this.startUsers(before.users, now.users);
    } else if (now.process !== 'closed' && before.process !== 'closed' && now.rps !== before.rps) {
      this.arrivalGen++;
      this.scheduleArrival();
    }
  }

  /** Users lo..hi-1 start thinking, unless one is still going (cut and raised again). */
  private startUsers(lo: number, hi: number): void {
    for (let u = lo; u < hi; u++) {
      if (u < this.usersStarted && this.stopped?.[u] !== 1) continue;
      if (this.stopped !== null && u < this.stopped.length) this.stopped[u] = 0;
      this.k.scheduleNode(this.think!.sample() / 1000, this.index, SUB_USER, u, 0);
    }
    this.usersStarted = Math.max(this.usersStarted, hi);
  }

  /** A user beyond the current count (after a live cut) stops instead of going on. */
  private retired(user: number): boolean {
    const a = this.p.arrival;
    if (a.process !== 'closed' || user < a.users) return false;
    if (this.stopped === null || this.stopped.length < this.usersStarted) {
      const grown = new Uint8Array(this.usersStarted);
      if (this.stopped !== null) grown.set(this.stopped);
      this.stopped = grown;
    }
    this.stopped[user] = 1;
    return true;
  }

  override onEvent(sub: number, a: number, b: number): void {
    if (sub !== SUB_ARRIVAL) {
      if (sub === SUB_TICK) return this.burst(a);
      if (sub === SUB_JOB) return this.newRequest(-1);
      if (!this.retired(a)) this.newRequest(a); // SUB_USER
      return;
    }
    if (b !== this.arrivalGen) return;
    const arrival = this.p.arrival;
    if (arrival.process === 'poisson') {
      const peak = arrival.rps * this.profile.max * this.spike;
      if (peak > 0) {
        // Thinning. Flat, the rate is the peak and u·peak < peak for every u in [0, 1): the
        // draw always accepts, so it only advances the stream (no value to compare).
        if (this.flat) {
          this.rng.skip();
          this.newRequest(-1);
        } else if (this.rng.next() * peak < this.rate(this.k.now)) this.newRequest(-1);
      }
    } else if (this.rate(this.k.now) > 0) {
      this.newRequest(-1);
    }
    this.scheduleArrival();
  }

  override arrive(call: Call): void {
    // Nothing calls a client; answer politely if a document routes to one.
    this.k.respond(call, 0);
  }

  onRelayAnswer(root: Call, reason: number): void {
    this.onAnswer(root, root, reason);
  }

  override onAnswer(root: Call, _child: Call, reason: number): void {
    const user = root.user;
    if (this.jobs !== null) this.jobs.answered(root.rootT);
    this.k.finishRoot(root, reason);
    if (user >= 0 && !this.retired(user))
      this.k.scheduleNode(this.think!.sample() / 1000, this.index, SUB_USER, user, 0);
  }

  /** Burst `b`'s jobs go (at once, or each up to the jitter later), and the next is due. */
  private burst(b: number): void {
    const jobs = this.jobs!;
    jobs.started(b);
    for (let i = 0; i < jobs.jobs; i++) {
      if (jobs.jitterS === 0) this.newRequest(-1);
      else this.k.scheduleNode(this.rng.next() * jobs.jitterS, this.index, SUB_JOB, 0, 0);
    }
    this.k.scheduleNode(jobs.everyS, this.index, SUB_TICK, b + 1, 0);
  }

  override describe(out: NodeResult | NodeWindow, window: boolean): void {
    this.jobs?.describe(out, window);
  }

  private rate(t: number): number {
    const arrival = this.p.arrival;
    if (arrival.process === 'closed') return 0;
    return arrival.rps * this.profile.at(t) * this.spike;
  }

  private scheduleArrival(): void {
    const now = this.k.now;
    const arrival = this.p.arrival;
    let next: number;
    if (arrival.process === 'poisson') {
      const peak = arrival.rps * this.profile.max * this.spike;
      if (!(peak > 0)) return;
      next = now - Math.log(1 - this.rng.next()) / peak;
    } else if (arrival.process === 'constant') {
      const r = this.rate(now);
      next = r > 0 ? now + 1 / r : this.profile.nextPositiveAfter(now);
      if (next === Infinity) return;
    } else return;
    this.k.scheduleArrival(next - now, this.index, SUB_ARRIVAL, -1, this.arrivalGen);
  }

  private newRequest(user: number): void {
    if (this.down) {
      if (user >= 0)
        this.k.scheduleNode(this.think!.sample() / 1000, this.index, SUB_USER, user, 0);
      return;
    }
    const k = this.k;
    const root = k.newRoot(this.index);
    root.user = user;
    const mix = this.mix;
    if (mix === null) {
      if (this.keys !== null) root.key = this.keys.next();
      if (this.p.writeRatio > 0) root.write = this.attrRng.next() < this.p.writeRatio;
    } else {
      const slot = mix.assign(root, this.attrRng);
      const keys = mix.keysOf(slot) ?? this.keys;
      if (keys !== null) root.key = keys.next();
      const writes = mix.writeRatioOf(slot);
      if (writes > 0) root.write = this.attrRng.next() < writes;
    }
    if (k.needSources) root.source = this.attrRng.int(this.p.sources);
    if (this.out.length > 0) {
      k.forward(root, this.pickEdgeByWeight(this.rng), -1, -1);
      return;
    }
    k.finishRoot(root, 0);
    if (user >= 0) k.scheduleNode(this.think!.sample() / 1000, this.index, SUB_USER, user, 0);
  }
}
