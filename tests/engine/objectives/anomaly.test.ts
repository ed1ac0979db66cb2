/**
 * The anomaly alert on a constructed series, with alpha 0.5, learnS 3 and z 4 (1 s points). The
 * first point sets the mean (10); points learn while fewer than 3 s are learned; a standard
 * deviation under 1 % of the mean counts as 1 % (0.1 here). Then:
 *
 *   t   value  mean before  sd before          z                     fires  learned after
 *   4   10     10           0 → floor 0.1      0                     no     mean 10
 *   5   10.3   10           0 → floor 0.1      0.3 ÷ 0.1 = 3         no     mean 10.15, var 0.5 × 0.3 × 0.15 = 0.0225
 *   6   11     10.15        √0.0225 = 0.15     0.85 ÷ 0.15 = 5.67    yes    (not learned)
 *   7   11     10.15        0.15               5.67                  yes    (a lasting shift stays anomalous)
 *   8   10.2   10.15        0.15               0.05 ÷ 0.15 = 0.33    no
 */
import { describe, expect, it } from 'vitest';
import { AnomalyCheck } from '../../../src/engine/objectives/alerts.ts';
import type { AlertRule, Objective } from '../../../src/model/types.ts';

const rule: AlertRule = { id: 'odd', objective: 'o', kind: 'anomaly', alpha: 0.5, learnS: 3, z: 4 };

function run(o: Objective, series: number[]) {
  const c = new AnomalyCheck(o, rule);
  return series.map((v) => c.update(1, v));
}

describe('anomaly alert', () => {
  it('fires on a jump past z standard deviations of the learned baseline, and keeps firing', () => {
    const out = run({ id: 'o', metric: 'p99Ms', max: 100 }, [10, 10, 10, 10, 10.3, 11, 11, 10.2]);
    expect(out.map((v) => v?.holds ?? null)).toEqual([
      null,
      false,
      false,
      false,
      false,
      true,
      true,
      false,
    ]);
    expect(out[4]!.value).toBeCloseTo(3, 9);
    expect(out[5]!.value).toBeCloseTo(0.85 / 0.15, 9);
    expect(out[6]!.value).toBeCloseTo(0.85 / 0.15, 9);
    expect(out[7]!.value).toBeCloseTo(0.05 / 0.15, 9);
    expect(out[5]!.reason).toMatch(/above its baseline 10\.15 \(fires above 4\)/);
  });

  it('does not fire while learning, however far off a point is', () => {
    const out = run({ id: 'o', metric: 'p99Ms', max: 100 }, [10, 1000]);
    expect(out[1]!.holds).toBe(false);
  });

  it('watches the bad direction only: for availability a drop fires and a rise does not', () => {
    const avail: Objective = { id: 'o', metric: 'availability', min: 0.9 };
    // Baseline 0.95 (floor sd 0.0095): 1.0 is 5.3 sd above it (better), 0.9 5.3 sd below (worse).
    expect(run(avail, [0.95, 0.95, 0.95, 0.95, 1.0])[4]!.holds).toBe(false);
    expect(run(avail, [0.95, 0.95, 0.95, 0.95, 0.9])[4]!.holds).toBe(true);
  });
});
