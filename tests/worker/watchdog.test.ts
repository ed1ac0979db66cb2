// The watchdog tells a slow build from a stuck engine, and says which (fake timers throughout:
// the clock moves only when the test moves it; worker messages flow on real event-loop turns).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Comlink from 'comlink';
import {
  BUILDING_MESSAGE,
  SimClient,
  slowBuildMessage,
  UNRESPONSIVE_MESSAGE,
  type WorkerLike,
} from '../../src/worker/client.ts';
import type { LoadAnswer, MetricFrame } from '../../src/worker/protocol.ts';
import { loadedAnswer, smallDoc } from './docs.ts';

const WATCHDOG_MS = 3000;
const BUILD_TIMEOUT_MS = 30_000;
/** The watchdog's own beat (SimClient checks at most every 500 ms). */
const BEAT_MS = 500;

const frame = (status: MetricFrame['status'], extra: Partial<MetricFrame> = {}): MetricFrame => ({
  runId: 1,
  status,
  nowS: 0,
  events: 0,
  count: 0,
  data: new Float64Array(0),
  ...extra,
});

/**
 * A worker whose builds last until the test ends them (`finishBuild`), as a large document's
 * would: it says "building" first, as the real run loop does, then nothing until the build ends.
 */
function slowWorker() {
  const channel = new MessageChannel();
  let listener: ((f: MetricFrame) => void) | undefined;
  const state = { terminated: false, loads: 0, finishBuild: () => {}, running: false };
  const answer: LoadAnswer = loadedAnswer(smallDoc());
  const build = () => {
    state.loads += 1;
    listener?.(frame('idle', { building: true }));
    return new Promise<LoadAnswer>((resolve) => {
      state.finishBuild = () => {
        listener?.(frame(state.running ? 'running' : 'idle'));
        resolve(answer);
      };
    });
  };
  Comlink.expose(
    {
      subscribe: (l: (f: MetricFrame) => void) => void (listener = l),
      setSpeed: () => {},
      load: build,
      applyDoc: build,
      start: () => void (state.running = true),
      /** A heartbeat, as a running loop sends. */
      beat: () => listener?.(frame('running')),
    },
    channel.port1,
  );
  const worker = channel.port2 as unknown as WorkerLike;
  worker.terminate = () => {
    state.terminated = true;
    channel.port1.close();
    channel.port2.close();
  };
  return { worker, state, beat: () => listener?.(frame('running')) };
}

/** Lets worker messages (and comlink's round trips) through. */
const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
};

/** The client's clock (`now`), moved with the fake timers. */
let nowMs = 0;

/** Moves the fake clock on in watchdog beats, letting messages through at each. */
async function elapse(ms: number) {
  for (let t = 0; t < ms; t += BEAT_MS) {
    nowMs += BEAT_MS;
    vi.advanceTimersByTime(BEAT_MS);
    await settle();
  }
}

let cleanups: Array<() => void> = [];
beforeEach(() => {
  nowMs = 0;
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
  vi.useRealTimers();
});

function setup() {
  const workers = [slowWorker(), slowWorker()];
  let made = 0;
  const restarts: string[] = [];
  const notices: Array<string | null> = [];
  const frames: MetricFrame[] = [];
  const client = new SimClient({
    onFrame: (f) => frames.push(f),
    onRestart: (m) => restarts.push(m),
    onBuilding: (m) => notices.push(m),
    createWorker: () => workers[made++]!.worker,
    watchdogMs: WATCHDOG_MS,
    buildTimeoutMs: BUILD_TIMEOUT_MS,
    now: () => nowMs,
  });
  cleanups.push(() => client.dispose(), ...workers.map((w) => () => w.worker.terminate()));
  return { client, workers, restarts, notices, frames };
}

describe('the watchdog', () => {
  it('waits for a slow build, says it is building, and does not call it stuck', async () => {
    const { client, workers, restarts, notices, frames } = setup();
    void client.load(smallDoc());
    void client.start(); // Run pressed while the engine is still being built
    await settle();
    await elapse(WATCHDOG_MS * 4); // far past the stuck-engine limit
    expect(restarts).toEqual([]);
    expect(notices).toEqual([BUILDING_MESSAGE]);
    expect(frames).toEqual([]); // the "building" word is the client's, not the page's
    workers[0]!.state.finishBuild();
    await settle();
    expect(notices).toEqual([BUILDING_MESSAGE, null]);
    expect(frames.at(-1)?.status).toBe('running');
    expect(workers[0]!.state.terminated).toBe(false);
  });

  it('stops a build that takes longer than buildTimeoutMs, says so, and does not rebuild it', async () => {
    const { client, workers, restarts } = setup();
    void client.load(smallDoc());
    await settle();
    await elapse(BUILD_TIMEOUT_MS - BEAT_MS);
    expect(restarts).toEqual([]);
    await elapse(BEAT_MS * 2);
    expect(restarts).toEqual([slowBuildMessage(BUILD_TIMEOUT_MS)]);
    expect(restarts[0]).toMatch(/^Building the simulation took longer than 30 s.*not stuck/);
    expect(workers[0]!.state.terminated).toBe(true);
    expect(workers[1]!.state.loads).toBe(0); // the same document would only build as slowly
    void client.start(); // Run again: the document is tried again
    await settle();
    expect(workers[1]!.state.loads).toBe(1);
  });

  it('a worker silent while it runs is stuck: replaced, reloaded, and named so', async () => {
    const { client, workers, restarts } = setup();
    void client.load(smallDoc());
    await settle();
    workers[0]!.state.finishBuild();
    await settle();
    void client.start();
    await settle();
    workers[0]!.beat();
    await settle();
    await elapse(WATCHDOG_MS - BEAT_MS);
    expect(restarts).toEqual([]);
    await elapse(BEAT_MS * 2);
    expect(restarts).toEqual([UNRESPONSIVE_MESSAGE]);
    expect(restarts[0]).toMatch(/stuck while running/);
    expect(workers[0]!.state.terminated).toBe(true);
    expect(workers[1]!.state.loads).toBe(1); // reloaded: the document itself was fine
  });
});
