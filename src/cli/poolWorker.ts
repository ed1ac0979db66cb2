/** One thread of the analysis pool: runs each job it is sent to the end and posts the result. */
import { parentPort } from 'node:worker_threads';
import type { RunJob } from '../analysis/run.ts';
import { runToEnd } from '../analysis/runToEnd.ts';

parentPort?.on('message', (job: RunJob) => {
  try {
    parentPort?.postMessage({ ok: true, result: runToEnd(job.doc, job.opts) });
  } catch (e) {
    parentPort?.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
