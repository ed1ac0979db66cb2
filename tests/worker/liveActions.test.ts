// A param edited while the worker's run goes on joins the run as an action (no restart: the
// clock keeps its place), and the run gives the same numbers as the document with the action
// run headless from the start, and as a Reset.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/simulation.ts';
import type { SimResult } from '../../src/engine/types.ts';
import type { Action, Scenario } from '../../src/model/types.ts';
import { engineLoop } from './harness.ts';
import { smallDoc } from './docs.ts';

const comparable = (r: SimResult | undefined) => r && { ...r, wallMs: 0 };

describe('a live edit in the worker', () => {
  const doc: Scenario = { ...smallDoc(), durationS: 20, warmupS: 1 };
  const client = doc.nodes[0]!.id;

  it('joins the run as an action and replays exactly', () => {
    const { loop, sink, runToEnd: run, runFor } = engineLoop();
    const runToEnd = () => comparable(run());
    loop.load(doc);
    const nowS = runFor(3.25);
    expect(nowS).toBeGreaterThan(2);
    const runId = sink.last()?.runId;
    const atS = loop.holdForFault(0);
    const action: Action = { atS, target: client, set: { 'arrival.rps': 150 } };
    const edited = { ...doc, actions: [action] };
    expect(loop.applyDoc(edited, 'restarted')).toBe('injected');
    expect(sink.last()?.runId).toBe(runId); // same run, no restart

    const live = runToEnd();
    const headless = createSimulation(edited);
    headless.runUntil(Infinity);
    expect(live).toEqual(comparable(headless.snapshot()));
    loop.reset();
    expect(runToEnd()).toEqual(live);
  });

  it('restarts for a change that is not live, and for an action in the past', () => {
    const { loop, runFor } = engineLoop();
    loop.load(doc);
    const nowS = runFor(3);
    const past: Action = { atS: nowS - 1, target: client, set: { 'arrival.rps': 150 } };
    expect(loop.applyDoc({ ...doc, actions: [past] }, 'restarted')).toBe('restarted');
    runFor(3);
    expect(loop.applyDoc({ ...doc, seed: 8 }, 'restarted')).toBe('restarted');
  });
});
