/**
 * The page's side of the analysis workers: a pool of runners (one Web Worker each, up to
 * navigator.hardwareConcurrency) for `runPool`. `terminate()` stops every worker at once and
 * rejects the runs in flight, so Cancel is immediate even in the middle of a long run.
 */
import * as Comlink from 'comlink';
import type { JobRunner, RunJob } from '../analysis/run.ts';
import type { SimResult } from '../engine/types.ts';
import type { AnalysisApi } from './analysis.worker.ts';

export type AnalysisWorkerLike = Comlink.Endpoint & { terminate(): void };

export interface RunnerPool {
  runners: JobRunner[];
  /** Stops all workers; runs in flight reject with an AbortError. */
  terminate(): void;
}

export function createAnalysisWorker(): AnalysisWorkerLike {
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), {
    type: 'module',
    name: 'archsim-analysis',
  });
}

/** How many workers a pool of `jobs` jobs should use on this machine. */
export function poolSize(jobs: number, cores = globalThis.navigator?.hardwareConcurrency): number {
  return Math.max(1, Math.min(jobs, cores && cores > 0 ? cores : 2));
}

export function createRunnerPool(
  size: number,
  createWorker: () => AnalysisWorkerLike = createAnalysisWorker,
): RunnerPool {
  const workers: AnalysisWorkerLike[] = [];
  const pending = new Set<(reason: unknown) => void>();
  let stopped = false;
  const runners = Array.from({ length: size }, (): JobRunner => {
    // Created on first use, so a pool larger than its job list costs nothing.
    let api: Comlink.Remote<AnalysisApi> | null = null;
    return {
      run: (job: RunJob): Promise<SimResult> => {
        if (stopped) return Promise.reject(new DOMException('Cancelled', 'AbortError'));
        if (!api) {
          const w = createWorker();
          workers.push(w);
          api = Comlink.wrap<AnalysisApi>(w);
        }
        const remote = api;
        return new Promise<SimResult>((resolve, reject) => {
          pending.add(reject);
          remote
            .runToEnd(job.doc, job.opts)
            .then(resolve, reject)
            .finally(() => pending.delete(reject));
        });
      },
    };
  });
  return {
    runners,
    terminate: () => {
      stopped = true;
      for (const w of workers) w.terminate();
      for (const reject of pending) reject(new DOMException('Cancelled', 'AbortError'));
      pending.clear();
    },
  };
}
