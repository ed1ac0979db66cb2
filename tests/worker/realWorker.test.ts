// The real worker module, created as the page creates it (Vitest's web-worker shim runs it in
// this process): it loads a preset, runs it and answers Reset.
import '@vitest/web-worker';
import { afterEach, describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import type { SimApi } from '../../src/worker/api.ts';
import type { MetricFrame } from '../../src/worker/protocol.ts';
import preset from '../../presets/load-balancing.json';

let worker: Worker | undefined;
afterEach(() => worker?.terminate());

describe('the simulation worker', () => {
  it('runs a preset to the end and refuses a broken document by path', async () => {
    worker = new Worker(new URL('../../src/worker/sim.worker.ts', import.meta.url), {
      type: 'module',
    });
    const api = Comlink.wrap<SimApi>(worker);
    const frames: MetricFrame[] = [];
    let finished: () => void = () => {};
    const done = new Promise<void>((r) => (finished = r));
    await api.subscribe(
      Comlink.proxy((f: MetricFrame) => {
        frames.push(f);
        if (f.status === 'done') finished();
      }),
    );
    const bad = await api.load({ ...preset, durationS: -5 });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.path).toBe('durationS');
    const loaded = await api.load({ ...preset, durationS: 5, warmupS: 1 });
    expect(loaded.ok).toBe(true);
    await api.setSpeed('max');
    await api.start();
    await done;
    expect(frames.reduce((n, f) => n + f.count, 0)).toBe(5);
    expect(frames.at(-1)?.result?.throughputRps).toBeGreaterThan(200);
  });
});
