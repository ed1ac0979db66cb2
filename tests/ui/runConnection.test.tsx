// Frames reach the metrics buffer and the run slice; the canvas hooks read their own figures and
// keep the same object while nothing changed noticeably.
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { act, render } from '@testing-library/react';
import { createAppStore } from '../../src/store/index.ts';
import { LIVE_INTERVAL_MS, MetricsHub } from '../../src/store/metricsHub.ts';
import { connectRun, DOC_DEBOUNCE_MS } from '../../src/ui/run/runConnection.ts';
import { simulationKey } from '../../src/worker/liveEdit.ts';
import { createLiveStats, nearlyEqual } from '../../src/ui/run/liveStats.ts';
import { layoutFor, packWindows } from '../../src/worker/frame.ts';
import type { MetricFrame } from '../../src/worker/protocol.ts';
import { BUILDING_MESSAGE, type SimClientOptions } from '../../src/worker/client.ts';
import { fakeWindow } from '../worker/fakeEngine.ts';
import { smallDoc } from '../worker/docs.ts';

function setup() {
  const store = createAppStore();
  const doc = smallDoc();
  store.setState({ doc });
  const hub = new MetricsHub();
  let options: SimClientOptions | undefined;
  const fake = {
    load: vi.fn(async () => ({
      ok: true as const,
      runId: 1,
      layout: layoutFor(doc),
      durationS: 20,
      warmupS: 2,
      windowS: 1,
      warnings: [],
    })),
    applyDoc: vi.fn(async () => ({
      ok: false as const,
      error: 'must be positive',
      path: 'durationS',
    })),
    start: vi.fn(async () => {}),
    pause: vi.fn(async () => {}),
    step: vi.fn(async () => {}),
    reset: vi.fn(async () => {}),
    setSpeed: vi.fn(async () => {}),
    holdForFault: vi.fn(async (atS: number) => atS),
  };
  const client = connectRun(store, hub, (o) => ((options = o), fake));
  const frame = (f: Partial<MetricFrame>, windows: number[] = []): void =>
    options?.onFrame({
      runId: 1,
      status: 'running',
      nowS: windows.length,
      events: 0,
      count: windows.length,
      data: packWindows(
        layoutFor(doc),
        windows.map((i) => fakeWindow(doc, doc.seed, i)),
      ),
      ...f,
    });
  return {
    store,
    hub,
    fake,
    client,
    frame,
    doc,
    restart: (m: string) => options?.onRestart(m),
    building: (m: string | null) => options?.onBuilding?.(m),
  };
}

describe('the run connection', () => {
  it('loads the document at once and reports its duration', async () => {
    const { fake, store, doc } = setup();
    expect(fake.load).toHaveBeenCalledWith(doc);
    await vi.waitFor(() => expect(store.getState().runDurationS).toBe(20));
  });

  it('puts windows in the buffer and status, clock and figures in the store', () => {
    const { store, hub, frame, doc } = setup();
    frame({ layout: layoutFor(doc) }, [0, 1, 2]);
    expect(hub.buffer.windowsSeen).toBe(3);
    const s = store.getState();
    expect(s.runStatus).toBe('running');
    expect(s.simNowS).toBe(3);
    expect(s.runFigures?.throughputRps).toBe(fakeWindow(doc, doc.seed, 2).throughputRps);
  });

  it('ignores late frames of a replaced run, and a new layout starts a fresh buffer', () => {
    const { hub, frame, doc, store } = setup();
    frame({ layout: layoutFor(doc) }, [0, 1]);
    expect(store.getState().runId).toBe(1);
    frame({ runId: 2, layout: layoutFor(doc) }, [0]);
    frame({ runId: 1 }, [2, 3, 4]);
    expect(hub.buffer.windowsSeen).toBe(1);
    expect(store.getState().runId).toBe(2); // a Reset or a new run: the store knows
  });

  it('tells the user about a restarted worker and an engine notice', () => {
    const { store, frame, restart, doc } = setup();
    frame({ layout: layoutFor(doc), status: 'done', truncated: 'Stopped at the event budget.' });
    expect(store.getState().runTruncated).toMatch(/event budget/);
    restart('The simulation stopped responding and was restarted.');
    expect(store.getState().runMessage).toMatch(/stopped responding/);
    expect(store.getState().runStatus).toBe('idle');
  });

  it('sends a changed document after the edits settle, but not a moved node', async () => {
    vi.useFakeTimers();
    try {
      const { store, fake, doc } = setup();
      const moved = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: { x: 5, y: 5 } })) };
      store.setState({ doc: moved });
      vi.advanceTimersByTime(DOC_DEBOUNCE_MS);
      expect(fake.applyDoc).not.toHaveBeenCalled();
      store.setState({ doc: { ...moved, durationS: -1 } });
      vi.advanceTimersByTime(DOC_DEBOUNCE_MS);
      expect(fake.applyDoc).toHaveBeenCalledOnce();
      await vi.waitFor(() =>
        expect(store.getState().runError).toBe(
          'This scenario cannot run: durationS: must be positive',
        ),
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('Run sends an edit that has not settled first, so it never arrives later to restart the run', async () => {
    vi.useFakeTimers();
    try {
      const { store, fake, client, doc } = setup();
      const calls: string[] = [];
      fake.applyDoc.mockImplementation(
        async () => (calls.push('applyDoc'), { ok: false as const, error: 'x', path: '' }),
      );
      fake.start.mockImplementation(async () => void calls.push('start'));
      // An undo just before Run: the store holds another document, not yet sent.
      store.setState({ doc: { ...doc, durationS: doc.durationS + 5 } });
      await client.start();
      expect(calls).toEqual(['applyDoc', 'start']);
      expect(fake.applyDoc).toHaveBeenLastCalledWith(store.getState().doc);
      vi.advanceTimersByTime(DOC_DEBOUNCE_MS);
      expect(fake.applyDoc).toHaveBeenCalledOnce(); // the settled edit is not sent again
      // With nothing pending, Run sends nothing.
      await client.start();
      expect(calls).toEqual(['applyDoc', 'start', 'start']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('simulationKey ignores positions and labels but not parameters', () => {
    const doc = smallDoc();
    const relabelled = {
      ...doc,
      nodes: doc.nodes.map((n) => ({ ...n, label: 'x', position: { x: 1, y: 2 } })),
    };
    expect(simulationKey(relabelled)).toBe(simulationKey(doc));
    expect(simulationKey({ ...doc, seed: 8 })).not.toBe(simulationKey(doc));
  });
});

describe('live stats for the canvas', () => {
  it('gives each node its own figures and keeps the object while changes are small', async () => {
    const { hub, frame, doc } = setup();
    const live = createLiveStats(hub);
    expect(live.node('api')).toBeUndefined();
    frame({ layout: layoutFor(doc) }, [0]);
    await vi.waitFor(() =>
      expect(live.node('api')).toEqual(fakeWindow(doc, doc.seed, 0).nodes['api']),
    );
    expect(live.edge('e1')?.breaker).toBe('open');
    expect(live.node('nope')).toBeUndefined();
  });

  it('compares figures with a tolerance', () => {
    expect(nearlyEqual({ a: 100, b: 'x' }, { a: 101, b: 'x' })).toBe(true);
    expect(nearlyEqual({ a: 100 }, { a: 110 })).toBe(false);
    expect(nearlyEqual({ a: 1 }, { a: 1, hitRatio: 0.5 })).toBe(false);
    expect(nearlyEqual(undefined, { a: 1 })).toBe(false);
  });

  it('re-renders a node component only when its own figures change noticeably', async () => {
    vi.useFakeTimers();
    onTestFinished(() => void vi.useRealTimers());
    const { hub, doc } = setup();
    const live = createLiveStats(hub);
    const layout = layoutFor(doc);
    hub.reset(layout);
    let renders = 0;
    const { useSyncExternalStore } = await import('react');
    function Probe() {
      const v = useSyncExternalStore(hub.live.subscribe, () => live.node('api'));
      renders += 1;
      return <span>{v?.throughputRps ?? '-'}</span>;
    }
    render(<Probe />);
    const w = fakeWindow(doc, doc.seed, 0);
    const push = (throughput: number) => {
      const copy = structuredClone(w);
      const api = copy.nodes['api'];
      if (api) api.throughputRps = throughput;
      act(() => hub.push(packWindows(layout, [copy]), 1));
    };
    // The live figures are published at most once per LIVE_INTERVAL_MS, on the next frame.
    const publish = () =>
      act(() => {
        vi.advanceTimersByTime(LIVE_INTERVAL_MS);
        vi.advanceTimersToNextFrame();
      });
    push(100);
    publish();
    expect(renders).toBe(2);
    push(100.5); // under 2 %: the same object, no render
    publish();
    expect(renders).toBe(2);
    push(150);
    publish();
    expect(renders).toBe(3);
  });

  it('says a long build while it lasts, and forgets only that notice when it ends', () => {
    const { store, building } = setup();
    building(BUILDING_MESSAGE);
    expect(store.getState().runMessage).toBe(BUILDING_MESSAGE);
    building(null);
    expect(store.getState().runMessage).toBeNull();
    store.getState().setRunState({ runMessage: 'something else' });
    building(null);
    expect(store.getState().runMessage).toBe('something else');
  });
});
