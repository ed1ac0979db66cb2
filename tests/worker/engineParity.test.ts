// The worker gives the engine's own numbers: frames decoded on the page side equal a direct
// engine run of the same document and seed, window for window.
import { afterEach, describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { createSimulation } from '../../src/engine/index.ts';
import { loadScenario } from '../../src/model/load.ts';
import { createSimApi, type SimApi } from '../../src/worker/api.ts';
import { createScheduler } from '../../src/worker/scheduler.ts';
import { DEFAULT_LIMITS } from '../../src/worker/runLoop.ts';
import { layoutFor, packWindows, unpackWindow } from '../../src/worker/frame.ts';
import type { MetricFrame } from '../../src/worker/protocol.ts';
import preset from '../../presets/load-balancing.json';

const channels: MessageChannel[] = [];
afterEach(() => channels.splice(0).forEach((c) => (c.port1.close(), c.port2.close())));

const input = { ...preset, durationS: 15, warmupS: 2 };

function directWindows() {
  const loaded = loadScenario(input);
  if (!loaded.ok) throw new Error(loaded.error);
  const sim = createSimulation(loaded.scenario, {
    eventBudget: DEFAULT_LIMITS.eventBudget,
    windowS: DEFAULT_LIMITS.windowS,
  });
  sim.runUntil(loaded.scenario.durationS);
  const layout = layoutFor(loaded.scenario);
  const windows = sim.drainWindows();
  return {
    windows,
    decoded: windows.map((_, i) => unpackWindow(layout, packWindows(layout, windows), i)),
    result: sim.snapshot(),
  };
}

async function workerWindows(speed: 'max' | number) {
  const channel = new MessageChannel();
  channels.push(channel);
  Comlink.expose(
    createSimApi({
      createSimulation,
      loadScenario,
      now: () => performance.now(),
      schedule: createScheduler(),
    }),
    channel.port1,
  );
  const remote = Comlink.wrap<SimApi>(channel.port2);
  const frames: MetricFrame[] = [];
  let resolveDone: () => void = () => {};
  const done = new Promise<void>((r) => (resolveDone = r));
  await remote.subscribe(
    Comlink.proxy((f: MetricFrame) => {
      frames.push(f);
      if (f.status === 'done') resolveDone();
    }),
  );
  const loaded = await remote.load(input);
  if (!loaded.ok) throw new Error(loaded.error);
  await remote.setSpeed(speed);
  await remote.start();
  await done;
  const windows = frames.flatMap((f) =>
    Array.from({ length: f.count }, (_, row) => unpackWindow(loaded.layout, f.data, row)),
  );
  return { windows, last: frames.at(-1) };
}

describe('worker and engine agree', () => {
  it('frames decode to the same windows as a direct run with the same seed', async () => {
    const direct = directWindows();
    const viaWorker = await workerWindows('max');
    expect(viaWorker.windows.length).toBe(15);
    expect(viaWorker.windows).toEqual(direct.decoded);
    // And the headline figures are the engine's own, to the last digit.
    viaWorker.windows.forEach((w, i) => {
      expect(w.throughputRps).toBe(direct.windows[i]?.throughputRps);
      expect(w.latencyMs.p99).toBe(direct.windows[i]?.latencyMs.p99);
      expect(w.nodes['api']?.utilization).toBe(direct.windows[i]?.nodes['api']?.utilization);
    });
    expect(viaWorker.last?.result?.latencyMs).toEqual(direct.result.latencyMs);
    expect(viaWorker.last?.result?.requests).toEqual(direct.result.requests);
  });
});
