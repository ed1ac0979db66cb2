/**
 * A pool of worker threads for the analyses (sweep points, seeds): one per core by default
 * (`os.availableParallelism()`). Each thread runs whole simulations with the same engine; the
 * documents and results cross as structured clones.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { JobRunner, RunJob } from '../analysis/run.ts';
import type { SimResult } from '../engine/types.ts';

export interface ThreadPool {
  runners: JobRunner[];
  close(): Promise<void>;
}

/**
 * The worker entry is TypeScript: under tsx the thread must register tsx's loader before
 * importing it (worker threads do not inherit the loader), hence the small bootstrap.
 */
function startWorker(): Worker {
  const entry = new URL('./poolWorker.ts', import.meta.url).href;
  const loader = import.meta.resolve('tsx/esm/api');
  const boot =
    `import(${JSON.stringify(loader)})` +
    `.then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true });
}

export function createThreadPool(size = os.availableParallelism()): ThreadPool {
  const workers = Array.from({ length: Math.max(1, size) }, startWorker);
  const runners = workers.map((w): JobRunner => ({
    run: (job: RunJob) =>
      new Promise<SimResult>((resolve, reject) => {
        const onMessage = (m: { ok: true; result: SimResult } | { ok: false; error: string }) => {
          w.off('error', onError);
          if (m.ok) resolve(m.result);
          else reject(new Error(m.error));
        };
        const onError = (e: Error) => {
          w.off('message', onMessage);
          reject(e);
        };
        w.once('message', onMessage);
        w.once('error', onError);
        w.postMessage(job);
      }),
  }));
  return {
    runners,
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
