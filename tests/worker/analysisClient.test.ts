// The analysis worker door in one thread over MessageChannels: a pool runner answers with the
// engine's result, and terminate() rejects a run in flight at once (Cancel never waits).
import { describe, expect, it, vi } from 'vitest';
import * as Comlink from 'comlink';
import { runToEnd } from '../../src/analysis/runToEnd.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';
import { createRunnerPool, poolSize } from '../../src/worker/analysisClient.ts';
import preset from '../../presets/load-balancing.json';

function channelWorker(api: object | null) {
  const { port1, port2 } = new MessageChannel();
  if (api) Comlink.expose(api, port2);
  return Object.assign(port1, { terminate: vi.fn(() => port1.close()) });
}

describe('analysis runner pool', () => {
  it('runs a document to its end in the worker, with the options given', async () => {
    const worker = channelWorker({
      runToEnd: (doc: unknown, opts: object) => runToEnd(loadScenarioOrThrow(doc), opts),
    });
    const pool = createRunnerPool(1, () => worker);
    const doc = loadScenarioOrThrow(preset);
    const result = await pool.runners[0]!.run({ doc, opts: { seed: 7, durationS: 20 } });
    expect(result.seed).toBe(7);
    expect(result.durationS).toBe(20);
    expect(result).toEqual(runToEnd(doc, { seed: 7, durationS: 20 }));
    pool.terminate();
    expect(worker.terminate).toHaveBeenCalled();
  });

  it('terminate rejects runs in flight and refuses new ones', async () => {
    const worker = channelWorker(null); // never answers
    const pool = createRunnerPool(2, () => worker);
    const doc = loadScenarioOrThrow(preset);
    const running = pool.runners[0]!.run({ doc, opts: {} });
    pool.terminate();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    await expect(pool.runners[1]!.run({ doc, opts: {} })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('uses one worker per core at most, and no more than there are jobs', () => {
    expect(poolSize(15, 4)).toBe(4);
    expect(poolSize(2, 8)).toBe(2);
    expect(poolSize(5, undefined)).toBe(2);
  });
});
