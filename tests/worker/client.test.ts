// The page side of the door: frames arrive, and a worker that stops answering is replaced.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Comlink from 'comlink';
import { createSimApi } from '../../src/worker/api.ts';
import { createScheduler } from '../../src/worker/scheduler.ts';
import {
  FORCED_RESET_MESSAGE,
  SimClient,
  UNRESPONSIVE_MESSAGE,
  type WorkerLike,
} from '../../src/worker/client.ts';
import type { MetricFrame } from '../../src/worker/protocol.ts';
import type { Scenario } from '../../src/model/types.ts';
import { createFakeSimulation } from './fakeEngine.ts';
import { smallDoc } from './docs.ts';

/** The client's patience, short here; the clock is fake and is moved past them by hand. */
const WATCHDOG_MS = 200;
const RESET_TIMEOUT_MS = 200;

const cleanups: Array<() => void> = [];
beforeEach(() => void vi.useFakeTimers());
afterEach(() => {
  cleanups.splice(0).forEach((c) => c());
  vi.useRealTimers();
});

/** A "worker" over a MessageChannel; `alive: false` gives one that never answers anything. */
function fakeWorker(alive: boolean) {
  const channel = new MessageChannel();
  const state = { terminated: false, loads: 0 };
  if (alive) {
    const api = createSimApi({
      createSimulation: (d, o) => createFakeSimulation(d, o),
      loadScenario: (input) => {
        state.loads += 1;
        return { ok: true, scenario: input as Scenario, warnings: [] };
      },
      now: () => performance.now(),
      schedule: createScheduler(),
    });
    Comlink.expose(api, channel.port1);
  }
  const worker = channel.port2 as unknown as WorkerLike;
  worker.terminate = () => {
    state.terminated = true;
    channel.port1.close();
    channel.port2.close();
  };
  cleanups.push(() => worker.terminate());
  return { worker, state };
}

function makeClient(workers: Array<ReturnType<typeof fakeWorker>>) {
  const frames: MetricFrame[] = [];
  const restarts: string[] = [];
  let made = 0;
  const client = new SimClient({
    onFrame: (f) => frames.push(f),
    onRestart: (m) => restarts.push(m),
    createWorker: () => workers[made++]?.worker ?? fakeWorker(true).worker,
    watchdogMs: WATCHDOG_MS,
    resetTimeoutMs: RESET_TIMEOUT_MS,
  });
  cleanups.push(() => client.dispose());
  return { client, frames, restarts };
}

/** Until messages between the page and the worker (a real MessageChannel) have done `test`. */
const settled = (test: () => boolean) => vi.waitFor(() => expect(test()).toBe(true));

describe('the simulation client', () => {
  it('passes frames from a healthy worker through, up to the end of the run', async () => {
    const { client, frames, restarts } = makeClient([fakeWorker(true)]);
    await client.load(smallDoc());
    await client.setSpeed('max');
    await client.start();
    await settled(() => frames.some((f) => f.status === 'done'));
    expect(frames.reduce((n, f) => n + f.count, 0)).toBe(20);
    expect(restarts).toEqual([]);
  });

  it('replaces a worker that stops answering during a run, reloads the document, and says so', async () => {
    const dead = fakeWorker(false);
    const spare = fakeWorker(true);
    const { client, restarts } = makeClient([dead, spare]);
    const doc: Scenario = smallDoc({ durationS: 1000 });
    void client.load(doc);
    void client.start();
    // The pulse is checked every watchdogMs / 2 at most: silence is seen within 2 × watchdogMs.
    await vi.advanceTimersByTimeAsync(2 * WATCHDOG_MS);
    expect(restarts).toEqual([UNRESPONSIVE_MESSAGE]);
    expect(dead.state.terminated).toBe(true);
    await settled(() => spare.state.loads === 1);
    expect(spare.state.terminated).toBe(false);
  });

  it('a Reset always works, even when the worker never answers it', async () => {
    const dead = fakeWorker(false);
    const spare = fakeWorker(true);
    const { client, restarts } = makeClient([dead, spare]);
    void client.load(smallDoc());
    const reset = client.reset();
    await vi.advanceTimersByTimeAsync(RESET_TIMEOUT_MS);
    await reset;
    expect(restarts).toEqual([FORCED_RESET_MESSAGE]);
    expect(dead.state.terminated).toBe(true);
    await settled(() => spare.state.loads === 1);
  });
});
