// The worker door tested in one thread, as comlink's own tests do: the api exposed on one end of
// a MessageChannel and wrapped on the other, so every call and frame really is a message.
import { afterEach, describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { createSimApi, RESTART_MESSAGE, type SimApi } from '../../src/worker/api.ts';
import { createScheduler } from '../../src/worker/scheduler.ts';
import { unpackWindow } from '../../src/worker/frame.ts';
import type { MetricFrame } from '../../src/worker/protocol.ts';
import type { Scenario } from '../../src/model/types.ts';
import { createFakeSimulation, fakeWindow } from './fakeEngine.ts';
import { smallDoc } from './docs.ts';

// A stand-in for the model's loader: accepts objects with a `nodes` array.
const fakeLoad = (input: unknown) =>
  typeof input === 'object' && input !== null && Array.isArray((input as Scenario).nodes)
    ? { ok: true as const, scenario: input as Scenario, warnings: ['a warning'] }
    : { ok: false as const, error: 'nodes: must be a list', path: 'nodes' };

const channels: MessageChannel[] = [];
afterEach(() => channels.splice(0).forEach((c) => (c.port1.close(), c.port2.close())));

function connect() {
  const channel = new MessageChannel();
  channels.push(channel);
  const api = createSimApi({
    createSimulation: (d, o) => createFakeSimulation(d, o),
    loadScenario: fakeLoad,
    now: () => performance.now(),
    schedule: createScheduler(),
  });
  Comlink.expose(api, channel.port1);
  const remote = Comlink.wrap<SimApi>(channel.port2);
  const frames: MetricFrame[] = [];
  const waiters: Array<() => void> = [];
  void remote.subscribe(
    Comlink.proxy((f: MetricFrame) => {
      frames.push(f);
      waiters.splice(0).forEach((w) => w());
    }),
  );
  const until = async (test: (f: MetricFrame) => boolean) => {
    while (!frames.some(test)) await new Promise<void>((r) => waiters.push(r));
    return frames.find(test);
  };
  return { remote, frames, until };
}

describe('the worker door over a MessageChannel', () => {
  it('loads, runs at max speed and delivers frames that decode to the engine windows', async () => {
    const { remote, frames, until } = connect();
    const doc = smallDoc();
    const loaded = await remote.load(doc);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.warnings).toEqual(['a warning']);
    await remote.setSpeed('max');
    await remote.start();
    const last = await until((f) => f.status === 'done');
    // The first frame of a run after the build says how to read it.
    expect(frames.find((f) => f.building === undefined)?.layout).toEqual(loaded.layout);
    expect(last?.result?.events).toBe(20_000);
    const windows = frames.flatMap((f) => {
      expect(f.data).toBeInstanceOf(Float64Array);
      return Array.from({ length: f.count }, (_, row) => unpackWindow(loaded.layout, f.data, row));
    });
    expect(windows).toEqual(Array.from({ length: 20 }, (_, i) => fakeWindow(doc, doc.seed, i)));
  });

  it('refuses a broken document with the field path, and keeps nothing half-loaded', async () => {
    const { remote } = connect();
    expect(await remote.load({ nodes: 'x' })).toEqual({
      ok: false,
      error: 'nodes: must be a list',
      path: 'nodes',
    });
  });

  it('restarts from 0 when the document changes during a run, and says so', async () => {
    const { remote, until } = connect();
    await remote.load(smallDoc({ durationS: 100_000 }));
    await remote.setSpeed(1);
    await remote.start();
    await until((f) => f.status === 'running' && f.nowS > 0);
    const again = await remote.applyDoc(smallDoc({ durationS: 100_000, seed: 3 }));
    const restart = await until((f) => f.message === RESTART_MESSAGE);
    expect(again.ok && again.runId).toBe(restart?.runId);
    expect(restart?.status).toBe('running');
    await remote.reset();
    await until((f) => f.status === 'idle' && f.runId > (restart?.runId ?? 0));
    expect(typeof (await remote.ping())).toBe('number');
  });
});
