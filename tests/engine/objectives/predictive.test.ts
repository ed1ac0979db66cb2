/**
 * The predictive alert's hysteresis, on a constructed series: with a 2 s lookback and 1 s
 * points, the fit is through three points (a, b, c) at t − 2, t − 1, t, so the slope is
 * (c − a) ÷ 2, the mean is (a + b + c) ÷ 3 at t − 1, and the forecast 1 s ahead (horizonS 1) is
 * (a + b + c) ÷ 3 + 2 × slope = (a + b + c) ÷ 3 + (c − a). Against "max": 100:
 *
 *   t      3    4     5      6     7      8    9   10   11
 *   value  60   80    95     90    101    90   80  80   80
 *   (a,b,c) 60,60,60  60,60,80  60,80,95  80,95,90  95,90,101  90,101,90 …
 *   forecast 60  86.7  113.3  98.3  101.3  (slope ≤ 0 from t = 8)
 *   breach  no   no    yes    no    yes    no   no   no   no
 *
 * The raw condition flaps (5 on, 6 off, 7 on, 8 off); with `clearS` 3 the alert holds from 5
 * until the forecast has been inside the target for 3 s after the last breach at 7: off at 10.
 */
import { describe, expect, it } from 'vitest';
import { PredictiveCheck } from '../../../src/engine/objectives/alerts.ts';
import { createSimulation } from '../../../src/engine/index.ts';
import { loadScenarioOrThrow } from '../../../src/model/load.ts';
import type { AlertRule, Objective } from '../../../src/model/types.ts';
import { readFileSync } from 'node:fs';

const SERIES = [60, 60, 60, 80, 95, 90, 101, 90, 80, 80, 80, 80];
const fast: Objective = { id: 'fast', metric: 'p99Ms', max: 100 };

/** The check's verdict at each second 1..12 (null: too few points yet). */
function holds(clearS: number): (boolean | null)[] {
  const rule: AlertRule = {
    id: 'trend',
    objective: 'fast',
    kind: 'predictive',
    horizonS: 1,
    lookbackS: 2,
    clearS,
  };
  const c = new PredictiveCheck(fast, rule);
  return SERIES.map((v, i) => c.update(i + 1, v)?.holds ?? null);
}

describe('predictive alert hysteresis', () => {
  it('without it (clearS 0) the alert follows the raw forecast and flaps', () => {
    expect(holds(0)).toEqual([
      null,
      null,
      false,
      false,
      true,
      false,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('with clearS 3 it fires once at 5 s and resolves 3 s after the last breach, at 10 s', () => {
    expect(holds(3)).toEqual([
      null,
      null,
      false,
      false,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('says, while it holds on, how long the forecast has been back inside the target', () => {
    const c = new PredictiveCheck(fast, {
      id: 't',
      objective: 'fast',
      kind: 'predictive',
      horizonS: 1,
      lookbackS: 2,
      clearS: 3,
    });
    const reasons = SERIES.slice(0, 9).map((v, i) => c.update(i + 1, v)?.reason);
    expect(reasons[8]).toMatch(/inside the target for 2 of 3 s$/);
  });
});

describe('the capacity-planning challenge', () => {
  const doc = loadScenarioOrThrow(
    JSON.parse(readFileSync('presets/capacity-planning.json', 'utf8')),
  );
  const alerts = (windows: boolean) => {
    const sim = createSimulation(doc, { windows });
    sim.runUntil(Infinity);
    return sim.snapshot().alerts!;
  };

  it('its trend alert fires once as p99 climbs, the same headless and on the page', () => {
    const headless = alerts(false);
    expect(alerts(true)).toEqual(headless);
    const trend = headless.filter((a) => a.alert === 'trend');
    // Before hysteresis it fired at 207, 213, 217 and 231 s with resolves between.
    expect(trend.map((a) => a.event)).toEqual(['fire']);
    expect(trend[0]!.tS).toBe(207);
  });
});
