/**
 * A pool of runners for many independent runs (sweep points, seeds). Each runner does one job at
 * a time; jobs go to whichever runner is free, results come back in job order. In the browser a
 * runner wraps a Web Worker (one per core, navigator.hardwareConcurrency); in Node a
 * worker_thread; in tests a plain object.
 */

export interface Runner<J, R> {
  run(job: J): Promise<R>;
}

export interface PoolProgress {
  done: number;
  total: number;
}

export interface PoolOptions {
  onProgress?: (p: PoolProgress) => void;
  /** Stops handing out jobs; the returned promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

export async function runPool<J, R>(
  jobs: readonly J[],
  runners: ReadonlyArray<Runner<J, R>>,
  opts: PoolOptions = {},
): Promise<R[]> {
  if (runners.length === 0) throw new Error('runPool: no runners');
  const results = new Array<R>(jobs.length);
  let next = 0;
  let done = 0;
  const { onProgress, signal } = opts;
  onProgress?.({ done: 0, total: jobs.length });
  const drain = async (runner: Runner<J, R>): Promise<void> => {
    while (next < jobs.length) {
      signal?.throwIfAborted();
      const i = next++;
      results[i] = await runner.run(jobs[i] as J);
      done++;
      onProgress?.({ done, total: jobs.length });
    }
  };
  await Promise.all(runners.slice(0, Math.max(1, jobs.length)).map(drain));
  signal?.throwIfAborted();
  return results;
}
