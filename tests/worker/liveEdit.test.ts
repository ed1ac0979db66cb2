// The decision a running worker makes on a changed document: inject the new faults, or restart.
import { describe, expect, it } from 'vitest';
import { faultsToInject, simulationKey } from '../../src/worker/liveEdit.ts';
import type { Fault } from '../../src/model/types.ts';
import { smallDoc } from './docs.ts';

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
