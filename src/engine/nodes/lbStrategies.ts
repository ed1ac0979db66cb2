/**
 * The seven balancing strategies over a balancer's backends (one per replica of each service
 * behind it). Every strategy skips backends whose `healthy` flag is down: health checks and
 * outlier detection (added elsewhere) only need to flip that flag. Returns -1 when no backend
 * is healthy.
 */
import type { LbStrategy } from '../../model/types.ts';
import type { Rng } from '../rng.ts';

export class Backends {
  readonly n: number;
  readonly edge: Int32Array;
  readonly replica: Int32Array;
  readonly weight: Float64Array;
  readonly healthy: Uint8Array;
  /** Calls in flight to each backend from this balancer. */
  readonly conns: Int32Array;
  /** EWMA of observed response times (s), for leastResponseTime. */
  readonly ewma: Float64Array;
  /** Smooth weighted round robin's running scores. */
  readonly current: Float64Array;
  rr = 0;

  constructor(list: Array<{ edge: number; replica: number; weight: number }>) {
    this.n = list.length;
    this.edge = Int32Array.from(list, (b) => b.edge);
    this.replica = Int32Array.from(list, (b) => b.replica);
    this.weight = Float64Array.from(list, (b) => b.weight);
    this.healthy = new Uint8Array(this.n).fill(1);
    this.conns = new Int32Array(this.n);
    this.ewma = new Float64Array(this.n);
    this.current = new Float64Array(this.n);
  }
}

/** Mix a 32-bit integer (murmur3 finalizer): spreads neighbouring client addresses. */
function mix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function pickBackend(b: Backends, strategy: LbStrategy, rng: Rng, source: number): number {
  const n = b.n;
  if (n === 0) return -1;
  const healthy = b.healthy;
  switch (strategy) {
    case 'roundRobin':
      for (let i = 0; i < n; i++) {
        const c = b.rr;
        b.rr = c + 1 === n ? 0 : c + 1;
        if (healthy[c] === 1) return c;
      }
      return -1;
    case 'weightedRoundRobin': {
      // nginx's smooth weighted round robin: even spacing, exact long-run proportions.
      let total = 0;
      let best = -1;
      for (let i = 0; i < n; i++) {
        if (healthy[i] === 0) continue;
        b.current[i]! += b.weight[i]!;
        total += b.weight[i]!;
        if (best < 0 || b.current[i]! > b.current[best]!) best = i;
      }
      if (best >= 0) b.current[best]! -= total;
      return best;
    }
    case 'random':
      return nthHealthy(b, rng.int(countHealthy(b)));
    case 'ipHash': {
      const h = countHealthy(b);
      return h === 0 ? -1 : nthHealthy(b, mix32(source) % h);
    }
    case 'powerOfTwoChoices': {
      const h = countHealthy(b);
      if (h <= 1) return nthHealthy(b, 0);
      const i = rng.int(h);
      let j = rng.int(h - 1);
      if (j >= i) j++;
      const x = nthHealthy(b, i);
      const y = nthHealthy(b, j);
      return b.conns[y]! < b.conns[x]! ? y : x;
    }
    case 'leastConnections':
      return argMin(b, (i) => b.conns[i]!);
    case 'leastResponseTime':
      // Expected wait behind the calls already sent: EWMA response time × (in flight + 1).
      return argMin(b, (i) => b.ewma[i]! * (b.conns[i]! + 1));
  }
}

/** The healthy backend with the lowest score; ties go round robin so none is starved. */
function argMin(b: Backends, score: (i: number) => number): number {
  const n = b.n;
  const start = b.rr;
  b.rr = start + 1 === n ? 0 : start + 1;
  let best = -1;
  let bestScore = Infinity;
  for (let k = 0; k < n; k++) {
    const i = start + k < n ? start + k : start + k - n;
    if (b.healthy[i] === 0) continue;
    const s = score(i);
    if (s < bestScore) {
      bestScore = s;
      best = i;
    }
  }
  return best;
}

function countHealthy(b: Backends): number {
  let h = 0;
  for (let i = 0; i < b.n; i++) h += b.healthy[i]!;
  return h;
}

function nthHealthy(b: Backends, nth: number): number {
  let seen = 0;
  for (let i = 0; i < b.n; i++) {
    if (b.healthy[i] === 0) continue;
    if (seen === nth) return i;
    seen++;
  }
  return -1;
}
