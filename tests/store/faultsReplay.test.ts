// A fault injected by hand into a running worker loop lands at a tenth of a second the document
// can state, joins the run through the document (so Reset replays it), and gives the same
// numbers as the same fault scheduled in the document from the start.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/simulation.ts';
import type { SimResult } from '../../src/engine/types.ts';
import type { Fault } from '../../src/model/types.ts';
import { engineLoop } from '../worker/harness.ts';
import { presetDoc } from './helpers.ts';

const figures = (r: SimResult | undefined) => ({
  requests: r?.requests,
  errorRate: r?.errorRate,
  latencyMs: r?.latencyMs,
  throughputRps: r?.throughputRps,
});

describe('a fault injected while running', () => {
  it('is scheduled at the next tenth of a second and replays exactly', () => {
    const doc = { ...presetDoc(), durationS: 20, warmupS: 1 };
    const { loop, runToEnd, runFor } = engineLoop();
    loop.load(doc);
    const nowS = runFor(3.25);
    expect(nowS).toBeGreaterThan(2);
    const asked: Fault = { atS: 0, forS: 4, kind: 'crash', target: 'api' };
    const atS = loop.holdForFault(asked.atS);
    const withFault = { ...doc, faults: [{ ...asked, atS }] };
    expect(loop.applyDoc(withFault, 'restarted')).toBe('injected');
    expect(atS).toBeGreaterThan(nowS);
    expect(atS - nowS).toBeLessThanOrEqual(0.1 + 1e-9);
    expect(
      Number.isInteger(Math.round(atS * 10)) && Math.abs(atS * 10 - Math.round(atS * 10)),
    ).toBe(0);

    const live = runToEnd();
    expect(live?.errorRate).toBeGreaterThan(0); // the crash cost something

    loop.reset();
    const replayed = runToEnd();
    expect(figures(replayed)).toEqual(figures(live));

    const scheduledFromStart = createSimulation(withFault);
    scheduledFromStart.runUntil(Number.POSITIVE_INFINITY);
    expect(figures(scheduledFromStart.snapshot())).toEqual(figures(live));
  });

  it('honours a start time still ahead of the clock', () => {
    const { loop } = engineLoop();
    loop.load({ ...presetDoc(), durationS: 20 });
    expect(loop.holdForFault(7.5)).toBe(7.5);
  });
});
