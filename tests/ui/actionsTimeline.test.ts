// Actions on the timeline: flags whose labels would overlap take lanes of their own, and the
// store keeps a document without actions free of the field.
import { describe, expect, it } from 'vitest';
import { actionLanes } from '../../src/ui/faults/actionInfo.ts';
import { createAppStore } from '../../src/store/index.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';

describe('action lanes', () => {
  it('puts overlapping labels on separate lanes and reuses a lane once clear', () => {
    const lanes = actionLanes([
      { x: 100, width: 120, left: false },
      { x: 150, width: 120, left: false },
      { x: 300, width: 120, left: false },
      { x: 900, width: 120, left: true },
    ]);
    expect(lanes).toEqual([0, 1, 0, 0]);
  });
});

describe('actions in the store', () => {
  const doc = loadScenarioOrThrow({
    version: 1,
    nodes: [
      { id: 'c', type: 'client' },
      { id: 's', type: 'service' },
    ],
    edges: [{ id: 'e', source: 'c', target: 's' }],
  });

  it('adds, moves, refuses a bad one with the model message, and removes', () => {
    const store = createAppStore();
    store.getState().setDoc(doc);
    expect(store.getState().addAction({ atS: 5, target: 'c', set: { 'arrival.rps': 20 } })).toEqual(
      { ok: true },
    );
    expect(
      store.getState().updateAction(0, { atS: 7, target: 'c', set: { 'arrival.rps': 20 } }),
    ).toEqual({ ok: true });
    expect(store.getState().doc.actions?.[0]?.atS).toBe(7);
    const bad = store.getState().addAction({ atS: 5, target: 's', set: { workers: 0 } });
    expect(bad.ok ? '' : bad.error).toBe(
      'actions[1].set.workers: must be an integer from 1 to 10000, got 0',
    );
    store.getState().removeAction(0);
    expect('actions' in store.getState().doc).toBe(false);
  });
});
