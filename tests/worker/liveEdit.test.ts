// The decision a running worker makes on a changed document: inject the new faults, or restart.
import { describe, expect, it } from 'vitest';
import { liveChanges, simulationKey } from '../../src/worker/liveEdit.ts';
import type { Action, Fault, Scenario } from '../../src/model/types.ts';
import { smallDoc } from './docs.ts';

/** The faults a running worker injects, or null when it restarts. */
function faultsToInject(prev: Scenario, next: Scenario, nowS: number): Fault[] | null {
  return liveChanges(prev, next, nowS)?.faults ?? null;
}

const crash: Fault = { atS: 10, forS: 5, kind: 'crash', target: 'api', replicas: 1 };
const slow: Fault = { atS: 12, kind: 'slow', target: 'api', factor: 3 };

describe('a changed document during a run', () => {
  const before = smallDoc({ faults: [crash] });

  it('injects faults appended at or after the current time', () => {
    const after = smallDoc({ faults: [crash, slow, { ...slow, atS: 11 }] });
    expect(faultsToInject(before, after, 11)).toEqual([slow, { ...slow, atS: 11 }]);
  });

  it('restarts when an appended fault starts before the current time', () => {
    const after = smallDoc({ faults: [crash, slow, { ...slow, atS: 10.9 }] });
    expect(faultsToInject(before, after, 11)).toBeNull();
  });

  it('restarts when a fault already there was changed, moved or removed', () => {
    expect(faultsToInject(before, smallDoc({ faults: [{ ...crash, forS: 6 }, slow] }), 1)).toBe(
      null,
    );
    expect(faultsToInject(before, smallDoc({ faults: [slow, crash] }), 1)).toBeNull();
    expect(faultsToInject(before, smallDoc({ faults: [] }), 1)).toBeNull();
  });

  it('restarts when anything else the simulation reads changed, even with a new fault', () => {
    expect(faultsToInject(before, smallDoc({ faults: [crash, slow], seed: 8 }), 1)).toBeNull();
    const params = smallDoc({ faults: [crash, slow] });
    const api = params.nodes[1]!;
    if (api.type !== 'service') throw new Error('smallDoc: the API is a service');
    params.nodes[1] = { ...api, params: { ...api.params, workers: 3 } };
    expect(faultsToInject(before, params, 1)).toBeNull();
  });

  it('ignores what the simulation ignores: names, labels, positions', () => {
    const after = smallDoc({ faults: [crash, slow], name: 'renamed' });
    after.nodes[0] = { ...after.nodes[0]!, label: 'Visitors', position: { x: 9, y: 9 } };
    expect(faultsToInject(before, after, 12)).toEqual([slow]);
    expect(simulationKey(after)).toBe(simulationKey(smallDoc({ faults: [crash, slow] })));
  });

  it('nothing new: nothing to inject, and no restart', () => {
    expect(faultsToInject(before, smallDoc({ faults: [crash] }), 19)).toEqual([]);
  });
});

describe('actions appended during a run', () => {
  const rps: Action = { atS: 5, target: 'users', set: { 'arrival.rps': 90 } };
  const before = smallDoc();

  it('are taken when they start at or after the current time', () => {
    const after = smallDoc({ actions: [rps, { ...rps, atS: 6 }] });
    expect(liveChanges(before, after, 5)).toEqual({
      faults: [],
      actions: [rps, { ...rps, atS: 6 }],
    });
    const more = smallDoc({ actions: [rps, { ...rps, atS: 7 }] });
    expect(liveChanges(smallDoc({ actions: [rps] }), more, 6)?.actions).toEqual([
      { ...rps, atS: 7 },
    ]);
  });

  it('restart the run when in the past, changed or removed', () => {
    expect(liveChanges(before, smallDoc({ actions: [rps] }), 5.1)).toBeNull();
    const had = smallDoc({ actions: [rps] });
    expect(liveChanges(had, smallDoc({ actions: [{ ...rps, atS: 8 }] }), 1)).toBeNull();
    expect(liveChanges(had, smallDoc({ actions: [] }), 1)).toBeNull();
  });
});
