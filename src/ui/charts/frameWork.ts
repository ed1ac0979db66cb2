/**
 * The live charts' work spread over animation frames. A draw of every chart at once was one task
 * of 20–30 ms of main-thread CPU on 100 nodes at Max (reading the windows that arrived since the
 * last draw, working out the charts, writing each plot's SVG), and the browser's paint of it on
 * top: the page's longest frames. Here it is queued as jobs, and each animation frame runs jobs
 * for at most FRAME_BUDGET_MS (always one at least, so the work goes on however dear a job is);
 * a job that can stop part-way (a pass over the rows) is given the frame's deadline and says
 * whether it has more to do, keeping its place at the head of the queue.
 *
 * Jobs go by key, first come first served: adding a key already queued replaces its job and
 * keeps its place, so a chart asked to draw twice draws once, with the newest figures, and no
 * chart waits behind others asked after it (none is starved when others are dear). While the
 * canvas's view moves, the queue waits until it is still (viewMotion.ts: the pan comes first).
 */

import { viewSettlesIn } from '../canvas/viewMotion.ts';

/** The main thread's time the queue may take in one frame (of the 16.7 ms a frame has). */
export const FRAME_BUDGET_MS = 4;

/**
 * One piece of work, run in an animation frame. `deadline` is a time of the queue's clock: a job
 * that can stop part-way stops there and returns true (it has more to do); others return nothing.
 */
export type FrameJob = (deadline: number) => boolean | void;

export interface FrameWorkDeps {
  now: () => number;
  nextFrame: (fn: () => void) => void;
  /** Runs `fn` after `ms` (a held queue waits so for the view to be still). */
  after: (fn: () => void, ms: number) => void;
  /** Milliseconds until the canvas's view is still (0: still now). */
  settlesIn: () => number;
}

export interface FrameWork {
  /** Queues `job` under `key` (replacing a queued job of that key, in its place). */
  add(key: string, job: FrameJob): void;
  /** Drops the job queued under `key`, if any. */
  remove(key: string): void;
  /** Calls `fn` once the queue is empty (at once if it is now). */
  whenIdle(fn: () => void): void;
  /** The main thread's time the jobs have taken so far, in all (ms of the clock). */
  spentMs(): number;
}

export function frameWork(deps: FrameWorkDeps, budgetMs = FRAME_BUDGET_MS): FrameWork {
  const jobs = new Map<string, FrameJob>();
  const idle: Array<() => void> = [];
  let scheduled = false;
  let spent = 0;

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    deps.nextFrame(frame);
  };

  /** Runs a frame's jobs; `scheduled` stays true meanwhile (a job that adds one asks no frame). */
  function frame(): void {
    const wait = deps.settlesIn();
    if (wait > 0) {
      deps.after(() => {
        scheduled = false;
        schedule();
      }, wait);
      return;
    }
    const start = deps.now();
    const deadline = start + budgetMs;
    do {
      const next = jobs.entries().next();
      if (next.done === true) break;
      const [key, job] = next.value;
      const more = job(deadline) === true;
      // A job that queued its key again meanwhile (newer figures) stays for its new job.
      if (!more && jobs.get(key) === job) jobs.delete(key);
    } while (jobs.size > 0 && deps.now() < deadline);
    spent += deps.now() - start;
    scheduled = false;
    if (jobs.size > 0) schedule();
    else for (const fn of idle.splice(0)) fn();
  }

  return {
    add(key, job) {
      jobs.set(key, job);
      schedule();
    },
    remove(key) {
      jobs.delete(key);
    },
    whenIdle(fn) {
      if (jobs.size === 0) fn();
      else idle.push(fn);
    },
    spentMs: () => spent,
  };
}

/** The page's queue for chart work: every card and the charts' own reading share its budget. */
export const chartFrames = frameWork({
  now: () => performance.now(),
  nextFrame: (fn) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => fn());
    else setTimeout(fn, 16);
  },
  after: (fn, ms) => setTimeout(fn, ms),
  settlesIn: () => viewSettlesIn(),
});
