import { describe, expect, it } from 'vitest';
import {
  ekm1,
  gim1,
  gim1SojournPercentile,
  mm1,
  mm1SojournPercentile,
} from '../../src/analysis/queueing.ts';

describe('GI/M/1', () => {
  it('E_1/M/1 is M/M/1 (sigma = rho)', () => {
    const g = ekm1(0.7, 1, 1);
    expect(g.sigma).toBeCloseTo(0.7, 10);
    expect(g.W).toBeCloseTo(mm1(0.7, 1).W, 9);
  });
  it('D/M/1 at rho = 0.5: sigma solves sigma = exp(-2(1 - sigma)), 0.2032', () => {
    const d = gim1((s) => Math.exp(-s * 2), 2, 1);
    expect(d.sigma).toBeCloseTo(0.203188, 5);
    expect(ekm1(0.5, 400, 1).sigma).toBeCloseTo(0.203188, 2); // Erlang-k tends to D
  });
  it('smoother arrivals wait less: E_3/M/1 between D/M/1 and M/M/1', () => {
    const e3 = ekm1(2 / 3, 3, 1).W;
    expect(e3).toBeLessThan(mm1(2 / 3, 1).W);
    expect(e3).toBeGreaterThan(gim1((s) => Math.exp(-s * 1.5), 1.5, 1).W);
    expect(gim1SojournPercentile(ekm1(0.5, 1, 1), 0.99)).toBeCloseTo(
      mm1SojournPercentile(0.5, 1, 0.99),
      9,
    );
  });
});
