import { describe, expect, it } from 'vitest';
import {
  FAULT_HOLD_MS,
  LARGE_DESIGN_NODES,
  RunLoop,
  type RunLoopLimits,
} from '../../src/worker/runLoop.ts';
import { unpackWindow } from '../../src/worker/frame.ts';
import type { MetricFrame } from '../../src/worker/protocol.ts';
import { createFakeSimulation, fakeWindow, type FakeEngineLog } from './fakeEngine.ts';
import { frameSink, manualTime } from './harness.ts';
import { smallDoc } from './docs.ts';
import type { Fault, Scenario } from '../../src/model/types.ts';
import type { Simulation, SimulationOptions } from '../../src/engine/types.ts';

type Create = (d: Scenario, o: SimulationOptions, onWork: (events: number) => void) => Simulation;

/**
 * Frames every 100 ms (the page's rate is 250): the tests that read the run's clock from the
 * last frame see it in small steps.
 */
const FINE_FRAMES = { frameIntervalMs: 100 };

/** The fake engine charges 1 µs of wall time per event to the test clock. */
function setup(
  limits: Partial<RunLoopLimits> = FINE_FRAMES,
  create: Create = (d, o, onWork) => createFakeSimulation(d, o, undefined, 1000, onWork),
) {
  const time = manualTime();
  const sink = frameSink();
  const createSimulation = (d: Scenario, o: SimulationOptions) =>
    create(d, o, (n) => time.advance(n / 1000));
  const loop = new RunLoop(
    { createSimulation, now: time.now, schedule: time.schedule, emit: sink.emit },
    limits,
  );
  return { time, sink, loop };
}

/** The fake engine, recording what is injected into it. */
const withLog =
  (log: FakeEngineLog): Create =>
  (d, o, onWork) =>
    createFakeSimulation(d, o, log, 1000, onWork);

const windowsOf = (loop: RunLoop, frames: MetricFrame[]) => {
  const layout = loop.layout;
  if (layout === undefined) throw new Error('not loaded');
  return frames.flatMap((f) =>
    Array.from({ length: f.count }, (_, row) => unpackWindow(layout, f.data, row)),
  );
};

/** smallDoc grown to `nodes` nodes by copies of its service. */
function docOfSize(nodes: number): Scenario {
  const base = smallDoc({ durationS: 1000 });
  return smallDoc({
    durationS: 1000,
    nodes: [
      ...base.nodes,
      ...Array.from({ length: nodes - base.nodes.length }, (_, k) => ({
        ...base.nodes[1]!,
        id: `s${k}`,
        label: `S${k}`,
      })),
    ],
  });
}

/** A run loop on the fake engine that records the delay of every slice it schedules. */
function loopRecordingRests(limits: Partial<RunLoopLimits>) {
  const time = manualTime();
  const delays: number[] = [];
  const loop = new RunLoop(
    {
      createSimulation: (d, o) =>
        createFakeSimulation(d, o, undefined, 1000, (n) => time.advance(n / 1000)),
      now: time.now,
      schedule: (fn, delayMs) => {
        delays.push(delayMs);
        time.schedule(fn, delayMs);
      },
      emit: frameSink().emit,
    },
    limits,
  );
  return { time, loop, delays };
}

describe('the worker run loop', () => {
  it('at max speed runs to the end in slices and delivers every window once, in order', () => {
    const doc = smallDoc();
    const { time, sink, loop } = setup();
    loop.load(doc);
    loop.setSpeed('max');
    loop.start();
    const slices = time.runTasks();
    expect(slices).toBeGreaterThan(1); // it yielded rather than running 20 s in one go
    const last = sink.last();
    expect(last?.status).toBe('done');
    expect(last?.result?.durationS).toBe(20);
    const expected = Array.from({ length: 20 }, (_, i) => fakeWindow(doc, doc.seed, i));
    expect(windowsOf(loop, sink.frames)).toEqual(expected);
    expect(new Set(sink.frames.map((f) => f.runId)).size).toBe(1);
  });

  it('keeps each slice within its wall-clock budget', () => {
    const { time, loop } = setup({ sliceMs: 4 });
    loop.load(smallDoc({ durationS: 10_000 }));
    loop.setSpeed('max');
    loop.start();
    const before = time.nowMs;
    time.runTasks(1);
    // One slice: the budget plus at most one engine call past it (each clock read is 0.25 ms).
    expect(time.nowMs - before).toBeLessThan(4 + 2);
  });

  it('pauses between slices and resumes where it stopped', () => {
    const { time, sink, loop } = setup();
    loop.load(smallDoc({ durationS: 10_000 }));
    loop.setSpeed('max');
    loop.start();
    time.runTasks(3);
    loop.pause();
    const at = sink.last()?.nowS ?? 0;
    expect(sink.last()?.status).toBe('paused');
    expect(at).toBeGreaterThan(0);
    time.runTasks();
    expect(time.pendingTasks).toBe(0);
    expect(sink.last()?.nowS).toBe(at);
  });

  it('paces simulated time to the speed (×10: about 10 s per real second)', () => {
    const { time, sink, loop } = setup({}); // the page's own frame rate
    loop.load(smallDoc({ durationS: 1000 }));
    loop.setSpeed(10);
    loop.start();
    time.runTasks(100_000, time.nowMs + 1000);
    // Frames keep coming while running (the heartbeat), at no more than 4 Hz (the charts' rate).
    expect(sink.frames.length).toBeGreaterThan(2);
    expect(sink.frames.length).toBeLessThanOrEqual(7);
    loop.pause(); // a frame with the clock as it is now
    const nowS = sink.last()?.nowS ?? 0;
    expect(nowS).toBeGreaterThan(8);
    expect(nowS).toBeLessThan(11);
  });

  it('sends a large design half as many frames, each with twice the windows', () => {
    const framesOf = (nodes: number) => {
      const { time, sink, loop } = setup({});
      loop.load(docOfSize(nodes));
      loop.setSpeed(10);
      loop.start();
      time.runTasks(100_000, time.nowMs + 4000);
      return { frames: sink.frames.length, windows: windowsOf(loop, sink.frames).length };
    };
    const small = framesOf(LARGE_DESIGN_NODES - 1);
    const large = framesOf(LARGE_DESIGN_NODES);
    expect(large.frames).toBeLessThan(small.frames * 0.7);
    expect(large.windows).toBeGreaterThan(small.windows * 0.8); // no fewer windows
  });

  it('rests longer between slices while the user moves the view, any design', () => {
    const { time, loop, delays } = loopRecordingRests({ restMs: 4, movingRestMs: 16 });
    loop.load(docOfSize(2));
    loop.setSpeed('max');
    loop.start();
    time.runTasks(5);
    loop.setViewMoving(true);
    const still = delays.length;
    time.runTasks(5);
    const moving = delays.slice(still);
    loop.setViewMoving(false);
    const after = delays.length;
    time.runTasks(5);
    expect(new Set(moving)).toEqual(new Set([16]));
    expect(new Set(delays.slice(after))).toEqual(new Set([0]));
  });

  it('at max speed rests between slices on a large design only', () => {
    const restsOf = (nodes: number) => {
      const { time, loop, delays } = loopRecordingRests({ restMs: 4 });
      loop.load(docOfSize(nodes));
      loop.setSpeed('max');
      loop.start();
      time.runTasks(20);
      return new Set(delays.slice(1)); // the first is start's own wake, at once
    };
    // A small page paints little: the worker only yields, to hear a Pause between slices.
    expect(restsOf(LARGE_DESIGN_NODES - 1)).toEqual(new Set([0]));
    expect(restsOf(LARGE_DESIGN_NODES)).toEqual(new Set([4]));
  });

  it('sends fewer, larger frames to a page slow to take them, and loses no window', async () => {
    const run = async (receiptMs: number) => {
      const time = manualTime();
      const frames: MetricFrame[] = [];
      const loop = new RunLoop({
        createSimulation: (d, o) =>
          createFakeSimulation(d, o, undefined, 1000, (n) => time.advance(n / 1000)),
        now: time.now,
        schedule: time.schedule,
        // The page receives a frame `receiptMs` after it is sent.
        emit: (f) => {
          frames.push(f);
          return new Promise<void>((received) => time.schedule(received, receiptMs));
        },
      });
      loop.load(smallDoc({ durationS: 1000 }));
      loop.setSpeed(10);
      loop.start();
      const end = time.nowMs + 3000;
      while (time.nowMs < end) {
        const until = time.nowMs + 10;
        time.runTasks(100_000, until);
        time.advance(Math.max(0, until - time.nowMs));
        await Promise.resolve(); // receipts settle between slices, as in a real worker
      }
      return { frames: frames.length, tS: windowsOf(loop, frames).map((w) => w.tS) };
    };
    const quick = await run(1);
    const slow = await run(600); // more than the 250 ms between frames
    expect(slow.frames).toBeLessThan(quick.frames / 2);
    // Every window arrives once and in order, whichever the pace.
    for (const r of [quick, slow]) {
      expect(r.tS.length).toBeGreaterThan(15);
      expect(r.tS).toEqual(r.tS.map((_, i) => i + 1));
    }
  });

  it('steps exactly one window, then pauses', () => {
    const doc = smallDoc();
    const { time, sink, loop } = setup();
    loop.load(doc);
    loop.step();
    time.runTasks();
    expect(sink.last()?.status).toBe('paused');
    expect(sink.last()?.nowS).toBeCloseTo(1, 9);
    loop.step();
    time.runTasks();
    expect(windowsOf(loop, sink.frames)).toEqual([0, 1].map((i) => fakeWindow(doc, doc.seed, i)));
  });

  it('stops at the event budget and says so', () => {
    const { time, sink, loop } = setup({ eventBudget: 5500 });
    loop.load(smallDoc());
    loop.setSpeed('max');
    loop.start();
    time.runTasks();
    expect(sink.last()?.status).toBe('done');
    expect(sink.last()?.truncated).toMatch(/event budget/);
    expect(sink.last()?.nowS).toBeCloseTo(5.5, 6);
  });

  it('reports an engine failure as an error status instead of dying', () => {
    const broken: Create = (d, o) => {
      const sim = createFakeSimulation(d, o);
      sim.runUntil = () => {
        throw new Error('boom');
      };
      return sim;
    };
    const { time, sink, loop } = setup(FINE_FRAMES, broken);
    loop.load(smallDoc());
    loop.start();
    time.runTasks();
    expect(sink.last()?.status).toBe('error');
    expect(sink.last()?.error).toMatch(/boom/);
  });

  it('a new document while running restarts from 0 with a new run id and keeps running', () => {
    const { time, sink, loop } = setup();
    loop.load(smallDoc({ durationS: 1000 }));
    loop.setSpeed('max');
    loop.start();
    time.runTasks(5);
    const firstRun = loop.runId;
    loop.load(smallDoc({ durationS: 1000, seed: 9 }), 'restarted');
    const restart = sink.frames.find((f) => f.message === 'restarted');
    expect(restart?.runId).toBe(firstRun + 1);
    expect(restart?.nowS).toBe(0);
    expect(restart?.status).toBe('running');
    time.runTasks(20);
    expect(sink.last()?.nowS).toBeGreaterThan(0);
  });

  it('a document adding faults ahead of the clock injects them: same run, no restart', () => {
    const log: FakeEngineLog = { injected: [] };
    const { time, sink, loop } = setup(FINE_FRAMES, withLog(log));
    loop.load(smallDoc({ durationS: 1000 }));
    loop.setSpeed(10);
    loop.start();
    time.runTasks(100_000, time.nowMs + 500);
    const run = loop.runId;
    const nowS = sink.last()?.nowS ?? 0;
    expect(nowS).toBeGreaterThan(3);
    // Well ahead: the engine may be up to a frame interval past the last frame's clock.
    const fault: Fault = { atS: Math.ceil(nowS) + 2, kind: 'crash', target: 'api' };
    const frames = sink.frames.length;
    expect(loop.applyDoc(smallDoc({ durationS: 1000, faults: [fault] }), 'restarted')).toBe(
      'injected',
    );
    expect(log.injected).toEqual([fault]);
    time.runTasks(100_000, time.nowMs + 500);
    const after = sink.frames.slice(frames);
    expect(after.every((f) => f.runId === run && f.message === undefined)).toBe(true);
    expect(sink.last()?.nowS).toBeGreaterThan(nowS + 3); // simulated time went on
  });

  it('a document adding a fault in the past, or changing anything else, restarts', () => {
    const log: FakeEngineLog = { injected: [] };
    const { time, loop } = setup(FINE_FRAMES, withLog(log));
    loop.load(smallDoc({ durationS: 1000 }));
    loop.step();
    time.runTasks();
    const late: Fault = { atS: 0.5, kind: 'crash', target: 'api' };
    expect(loop.applyDoc(smallDoc({ durationS: 1000, faults: [late] }), 'restarted')).toBe(
      'restarted',
    );
    loop.step();
    time.runTasks();
    expect(loop.applyDoc(smallDoc({ durationS: 999, faults: [late] }), 'restarted')).toBe(
      'restarted',
    );
    expect(log.injected).toEqual([]);
  });

  it('holds the run at the start it names for a fault by hand, until the document comes', () => {
    const log: FakeEngineLog = { injected: [] };
    const { time, sink, loop } = setup(FINE_FRAMES, withLog(log));
    loop.load(smallDoc({ durationS: 1000 }));
    loop.setSpeed('max');
    loop.start();
    time.runTasks(3);
    const atS = loop.holdForFault(0);
    expect(atS).toBeGreaterThan(sink.last()?.nowS ?? 0);
    expect(Math.round(atS * 10) / 10).toBe(atS); // a tenth of a second
    time.runTasks(50, time.nowMs + FAULT_HOLD_MS / 2); // running at max, yet held
    expect(sink.last()?.nowS).toBeLessThanOrEqual(atS);
    expect(sink.last()?.status).toBe('running');
    const fault: Fault = { atS, kind: 'crash', target: 'api' };
    expect(loop.applyDoc(smallDoc({ durationS: 1000, faults: [fault] }), 'restarted')).toBe(
      'injected',
    );
    time.runTasks(50);
    expect(sink.last()?.nowS).toBeGreaterThan(atS + 1); // released by the document
    expect(log.injected).toEqual([fault]);
  });

  it('a hold whose document never comes lets go after FAULT_HOLD_MS', () => {
    const { time, sink, loop } = setup();
    loop.load(smallDoc({ durationS: 1000 }));
    loop.setSpeed('max');
    loop.start();
    time.runTasks(3);
    const atS = loop.holdForFault(0);
    time.runTasks(100_000, time.nowMs + FAULT_HOLD_MS - 10);
    expect(sink.last()?.nowS).toBeLessThanOrEqual(atS);
    time.runTasks(100_000, time.nowMs + 100);
    expect(sink.last()?.nowS).toBeGreaterThan(atS);
  });

  it('names a start still ahead as it is, and 0 s before the run has moved', () => {
    const { time, loop } = setup();
    loop.load(smallDoc());
    expect(loop.holdForFault(0)).toBe(0);
    loop.step();
    time.runTasks();
    expect(loop.holdForFault(7.5)).toBe(7.5);
    expect(loop.holdForFault(0)).toBe(1.1); // strictly after the clock, at 1 s
  });

  it('says it is building before every engine is built, so a slow build is not silence', () => {
    const seen: Array<MetricFrame | undefined> = [];
    const { sink, loop } = setup(FINE_FRAMES, (d, o, onWork) => {
      seen.push(sink.last()); // what the page has heard when the build starts
      return createFakeSimulation(d, o, undefined, 1000, onWork);
    });
    loop.load(smallDoc());
    loop.reset();
    expect(seen.map((f) => f?.building)).toEqual([true, true]);
    expect(seen.map((f) => f?.count)).toEqual([0, 0]);
    // The frame after the build is an ordinary one and carries the run's layout.
    expect(sink.last()?.building).toBeUndefined();
    expect(sink.last()?.layout).toEqual(loop.layout);
  });
});
