/**
 * The balancer's indexes choose exactly what the linear scans chose: the scans (as they were
 * before the indexes, kept here as the reference) and the strategies run side by side on the same
 * random history of calls sent and answered, backends leaving and rejoining the rotation, and
 * random numbers, and must agree on every pick.
 */
import { describe, expect, it } from 'vitest';
import { Backends, pickBackend } from '../../src/engine/nodes/lbStrategies.ts';
import { InRotation } from '../../src/engine/nodes/lbIndexes.ts';
import { Rng } from '../../src/engine/rng.ts';
import type { LbStrategy } from '../../src/model/types.ts';

/** The scans, with their own copies of the state the balancer keeps. */
class Scan {
  readonly healthy: Uint8Array;
  readonly conns: Int32Array;
  readonly ewma: Float64Array;
  readonly current: Float64Array;
  rr = 0;
  constructor(readonly weight: number[]) {
    const n = weight.length;
    this.healthy = new Uint8Array(n).fill(1);
    this.conns = new Int32Array(n);
    this.ewma = new Float64Array(n);
    this.current = new Float64Array(n);
  }

  pick(strategy: LbStrategy, rng: Rng, source: number): number {
    const n = this.weight.length;
    const healthy = this.healthy;
    const count = () => healthy.reduce((a, h) => a + h, 0);
    const nth = (k: number) => {
      for (let i = 0, seen = 0; i < n; i++) if (healthy[i] === 1 && seen++ === k) return i;
      return -1;
    };
    switch (strategy) {
      case 'roundRobin':
        for (let i = 0; i < n; i++) {
          const c = this.rr;
          this.rr = c + 1 === n ? 0 : c + 1;
          if (healthy[c] === 1) return c;
        }
        return -1;
      case 'weightedRoundRobin': {
        let total = 0;
        let best = -1;
        for (let i = 0; i < n; i++) {
          if (healthy[i] === 0) continue;
          this.current[i]! += this.weight[i]!;
          total += this.weight[i]!;
          if (best < 0 || this.current[i]! > this.current[best]!) best = i;
        }
        if (best >= 0) this.current[best]! -= total;
        return best;
      }
      case 'random':
        return nth(rng.int(count()));
      case 'ipHash': {
        const h = count();
        return h === 0 ? -1 : nth(mix32(source) % h);
      }
      case 'powerOfTwoChoices': {
        const h = count();
        if (h <= 1) return nth(0);
        const i = rng.int(h);
        let j = rng.int(h - 1);
        if (j >= i) j++;
        const x = nth(i);
        const y = nth(j);
        return this.conns[y]! < this.conns[x]! ? y : x;
      }
      case 'leastConnections':
        return this.argMin((i) => this.conns[i]!);
      case 'leastResponseTime':
        return this.argMin((i) => this.ewma[i]! * (this.conns[i]! + 1));
      case 'nearest':
      case 'failover':
        // One backend per edge here, in edge order (no distances): the first in rotation.
        return nth(0);
    }
  }

  private argMin(score: (i: number) => number): number {
    const n = this.weight.length;
    const start = this.rr;
    this.rr = start + 1 === n ? 0 : start + 1;
    let best = -1;
    let bestScore = Infinity;
    for (let k = 0; k < n; k++) {
      const i = (start + k) % n;
      if (this.healthy[i] === 0) continue;
      if (score(i) < bestScore) {
        bestScore = score(i);
        best = i;
      }
    }
    return best;
  }
}

function mix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const STRATEGIES: LbStrategy[] = [
  'roundRobin',
  'weightedRoundRobin',
  'random',
  'ipHash',
  'powerOfTwoChoices',
  'leastConnections',
  'leastResponseTime',
  'nearest',
  'failover',
];

/** Replays one random history on both; returns how many picks agreed before the first miss. */
function compare(strategy: LbStrategy, weight: number[], seed: number, steps: number) {
  const n = weight.length;
  const list = weight.map((w, i) => ({ edge: i, replica: 0, weight: w }));
  const fast = new Backends(list);
  const scan = new Scan(weight);
  const world = new Rng(seed);
  const rngA = new Rng(seed + 1);
  const rngB = new Rng(seed + 1);
  const inFlight: number[] = [];
  const picks: number[] = [];
  for (let s = 0; s < steps; s++) {
    const u = world.next();
    if (u < 0.03) {
      // A backend leaves or rejoins the rotation (sometimes all of them are out).
      const i = world.int(n);
      const on = world.next() < 0.5;
      fast.setHealthy(i, on);
      scan.healthy[i] = on ? 1 : 0;
    } else if (u < 0.5 && inFlight.length > 0) {
      // A call is answered: ok after a response time (whole ms, so ties happen), or failed.
      const at = world.int(inFlight.length);
      const b = inFlight[at]!;
      inFlight[at] = inFlight[inFlight.length - 1]!;
      inFlight.pop();
      const ok = world.next() < 0.9;
      const rt = (1 + world.int(5)) / 1000;
      fast.responseS = ok ? rt : NaN;
      fast.release(b);
      scan.conns[b]!--;
      if (ok) {
        const e = scan.ewma[b]!;
        scan.ewma[b] = e === 0 ? rt : e + 0.2 * (rt - e);
      }
    } else {
      const source = world.int(1000);
      const a = pickBackend(fast, strategy, rngA, source);
      const b = scan.pick(strategy, rngB, source);
      if (a !== b) return { agreed: picks.length, a, b };
      picks.push(a);
      if (a >= 0) {
        fast.connect(a);
        scan.conns[a]!++;
        inFlight.push(a);
      }
    }
  }
  return { agreed: picks.length, distinct: new Set(picks).size };
}

describe('choosing among many backends: the same picks as the linear scans', () => {
  const cases: Array<[string, number[]]> = [
    ['one backend', [1]],
    ['seven equal weights', Array(7).fill(1)],
    ['whole weights in groups, with zeros', [3, 3, 1, 0, 2, 2, 2, 5, 1, 0, 3, 3, 1]],
    ['a hundred replicas of three edges', Array.from({ length: 100 }, (_, i) => 1 + (i % 3))],
  ];
  for (const strategy of STRATEGIES) {
    it.each(cases)(`${strategy}: %s`, (_, weight) => {
      for (const seed of [1, 2, 3]) {
        const r = compare(strategy, weight, seed * 7919, 4000);
        expect(r, `seed ${seed}`).not.toHaveProperty('a');
        expect(r.agreed).toBeGreaterThan(1000);
        if (weight.length > 1 && strategy !== 'ipHash') expect(r.distinct).toBeGreaterThan(1);
      }
    });
  }
});

describe('InRotation', () => {
  it('counts, ranks and finds the k-th backend in rotation', () => {
    for (const n of [1, 2, 5, 16, 17, 100]) {
      const rot = new InRotation(n);
      const flags = new Array<number>(n).fill(1);
      const rng = new Rng(n);
      for (let s = 0; s < 300; s++) {
        const i = rng.int(n);
        const on = rng.next() < 0.5;
        if ((flags[i] === 1) !== on) {
          rot.change(i, on ? 1 : -1);
          flags[i] = on ? 1 : 0;
        }
        const inIdx = flags.flatMap((f, j) => (f === 1 ? [j] : []));
        expect(rot.count).toBe(inIdx.length);
        const k = rng.int(n + 1);
        expect(rot.nth(k)).toBe(inIdx[k] ?? -1);
        expect(rot.before(k)).toBe(inIdx.filter((j) => j < k).length);
      }
    }
  });
});
