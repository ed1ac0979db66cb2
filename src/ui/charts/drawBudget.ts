/**
 * When the live charts draw. They are asked at most every CHART_INTERVAL_MS (metricsHub.ts), but
 * what a draw costs grows with the design (the heatmap reads every node, the browser parses and
 * lays out each plot's SVG), and at Max speed every ask is a real draw. So a draw is put off
 * while the user pans or zooms the canvas (viewMotion.ts: the pan comes first), and draws are
 * spaced so that they take at most CHART_BUDGET of the main thread: on a small design that is
 * every ask; on 500 nodes, fewer (an ask within the budget's wait is let go: the next one comes
 * with the run's next frame), never a stall. A run that has stopped (finished, paused,
 * failed) sends no more windows, so its last draw comes at once: a finished run's charts must
 * not lag its summary by a budget's wait.
 *
 * A draw is spread over several animation frames (frameWork.ts): it says when it is done and
 * what main-thread time it took in all, and asks that come meanwhile join it (its last frames
 * read the newest windows) unless they ask for a stopped run's last draw, which follows it.
 */

/**
 * The share of the main thread's time the charts' own code may take. Kept low because the
 * browser's parse, style, layout and paint of the plots come on top, about as much again.
 */
export const CHART_BUDGET = 0.06;

export interface DrawBudgetDeps {
  now: () => number;
  /** Runs `fn` after `ms`; returns a function that cancels it. */
  after: (fn: () => void, ms: number) => () => void;
  /** Milliseconds until the canvas's view is still (0: still now). */
  settlesIn: () => number;
}

const browserDeps = (settlesIn: () => number): DrawBudgetDeps => ({
  now: () => performance.now(),
  after: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
  settlesIn,
});

/** A draw: starts it, and it calls `done` with the main thread's time it took, once drawn. */
export type SpreadDraw = (done: (spentMs: number) => void) => void;

/**
 * `request()` asks for `draw` to run as soon as the budget and the view allow (asks while one
 * is pending or under way join it); `stop()` drops a pending one.
 */
export function budgetedDraw(draw: SpreadDraw, deps: DrawBudgetDeps) {
  let nextAt = -Infinity;
  let costMs = 0;
  let cancel: (() => void) | undefined;
  let drawing = false;
  let stopped = false;
  /** A stopped run's last draw was asked for while a draw was under way: it follows. */
  let lastOwed = false;

  /** A last draw (no frames follow) need not leave the main thread to frames that will not come. */
  let last = false;

  const run = () => {
    cancel = undefined;
    if (drawing) {
      lastOwed ||= last;
      return;
    }
    const budgetWait = last ? 0 : nextAt - deps.now();
    const settlesIn = deps.settlesIn();
    if (settlesIn > 0) {
      cancel = deps.after(run, Math.max(budgetWait, settlesIn));
      return;
    }
    // Not on a timer of its own: the next ask comes with the run's next frame, and the draw's
    // reading of the newest windows starts then.
    if (budgetWait > 0) return;
    last = false;
    drawing = true;
    const start = deps.now();
    draw((spent) => {
      if (stopped) return;
      drawing = false;
      // A smoothed cost, so one slow draw (a collection, a busy core) does not stall the next.
      costMs = costMs === 0 ? spent : costMs * 0.7 + spent * 0.3;
      nextAt = start + costMs / CHART_BUDGET;
      if (lastOwed) {
        lastOwed = false;
        last = true;
        run();
      }
    });
  };

  return {
    request(): void {
      if (cancel === undefined) run();
    },
    /** Asks for the last draw of a run that has stopped: only a moving view puts it off. */
    requestLast(): void {
      last = true;
      cancel?.();
      run();
    },
    stop(): void {
      cancel?.();
      cancel = undefined;
      stopped = true;
    },
  };
}

export const budgetedChartDraw = (draw: SpreadDraw, settlesIn: () => number) =>
  budgetedDraw(draw, browserDeps(settlesIn));
