import { describe, expect, it } from 'vitest';
import { freshStore } from './helpers.ts';

describe('graph slice: faults in the document', () => {
  it('adds a fault last, validated and filled by the model', () => {
    const store = freshStore();
    const r = store.getState().addFault({ atS: 30, forS: 10, kind: 'slow', target: 'api' });
    expect(r.ok).toBe(true);
    expect(store.getState().doc.faults).toEqual([
      { atS: 30, forS: 10, kind: 'slow', target: 'api', factor: 5 },
    ]);
  });

  it("refuses a fault the model refuses, with the model's message, and keeps the doc", () => {
    const store = freshStore();
    const before = store.getState().doc;
    const r = store.getState().addFault({ atS: 0, kind: 'spike', target: 'api' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/spike fault applies to client, not to service "api"/);
    expect(store.getState().doc).toBe(before);
    const bad = store.getState().addFault({ atS: 0, kind: 'loss', target: 'e2', probability: 2 });
    expect(!bad.ok && bad.path).toBe('faults[0].probability');
  });

  it('updates and removes a fault by index; each is one undo step', () => {
    const store = freshStore();
    store.getState().addFault({ atS: 10, kind: 'crash', target: 'api', replicas: 1 });
    store.getState().addFault({ atS: 50, kind: 'partition', target: 'e2' });
    expect(
      store.getState().updateFault(0, { atS: 20, kind: 'crash', target: 'api', replicas: 2 }).ok,
    ).toBe(true);
    expect(store.getState().doc.faults[0]).toMatchObject({ atS: 20, replicas: 2 });
    store.getState().removeFault(0);
    expect(store.getState().doc.faults.map((f) => f.kind)).toEqual(['partition']);
    store.temporal.getState().undo();
    expect(store.getState().doc.faults.map((f) => f.atS)).toEqual([20, 50]);
    store.temporal.getState().undo();
    expect(store.getState().doc.faults.map((f) => f.atS)).toEqual([10, 50]);
    expect(store.getState().updateFault(7, { atS: 1, kind: 'flush', target: 'api' }).ok).toBe(
      false,
    );
  });
});
