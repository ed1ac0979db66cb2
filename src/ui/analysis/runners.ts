/**
 * How the analysis panels run whole simulations: a runner-pool factory, injected through
 * context so component tests can pass plain-object runners (no Web Workers in jsdom).
 */
import { createContext, useContext } from 'react';
import { runPool, type PoolProgress } from '../../analysis/pool.ts';
import type { RunJob } from '../../analysis/run.ts';
import type { SimResult } from '../../engine/types.ts';
import { createRunnerPool, poolSize, type RunnerPool } from '../../worker/analysisClient.ts';

export type RunnerPoolFactory = (size: number) => RunnerPool;

export const RunnerPoolContext = createContext<RunnerPoolFactory>((size) => createRunnerPool(size));

export const useRunnerPoolFactory = (): RunnerPoolFactory => useContext(RunnerPoolContext);

/**
 * Runs the jobs on a fresh pool (one runner per core at most), terminated at the end; an abort
 * terminates it at once, so a long point does not have to finish first.
 */
export async function runAll(
  factory: RunnerPoolFactory,
  jobs: readonly RunJob[],
  opts: { onProgress?: (p: PoolProgress) => void; signal?: AbortSignal } = {},
): Promise<SimResult[]> {
  const pool = factory(poolSize(jobs.length));
  const onAbort = () => pool.terminate();
  opts.signal?.addEventListener('abort', onAbort);
  try {
    return await runPool(jobs, pool.runners, opts);
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    pool.terminate();
  }
}

export const isAbort = (e: unknown): boolean =>
  e instanceof DOMException ? e.name === 'AbortError' : (e as Error | null)?.name === 'AbortError';
