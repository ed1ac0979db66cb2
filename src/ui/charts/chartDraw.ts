/**
 * A draw of the live charts, spread over animation frames (frameWork.ts): first the rows that
 * arrived since the last draw are read, a frame's budget at a time (their utilizations, then the
 * figures the charts take from them: rowMemo.ts keeps both), then the charts are worked out from
 * what is kept, then each card writes its plot in a frame of its own or shared with a few
 * (ChartCard.tsx). On 100 nodes at Max a draw in one frame was 20–30 ms of main-thread CPU; the
 * reading ahead was most of it (a third to a half of the rows are new at each draw).
 *
 * The reading ahead only fills the memos: the draw itself reads the buffer as it is then, and
 * any row still unread is read there, so what is drawn is what a draw in one frame would draw.
 */
import { metricsHub } from '../../store/metricsHub.ts';
import { rowFiguresMemo, rowReading, warmRowFigures, type RowReading } from './rowFigures.ts';
import { utilizationMemo, utilizationPass, warmUtilizations } from './rowUtilizations.ts';
import { chartPlan } from './chartPlan.ts';
import { chartFrames, type FrameJob } from './frameWork.ts';

/** What the draws remember of each buffer row from one draw to the next (rowMemo.ts). */
export interface RowMemos {
  rows: ReturnType<typeof rowFiguresMemo>;
  utilization: ReturnType<typeof utilizationMemo>;
}

export const rowMemos = (): RowMemos => ({
  rows: rowFiguresMemo(),
  utilization: utilizationMemo(),
});

const now = () => performance.now();

/**
 * Reads the new rows ahead of a draw for `selectedIds`, within each frame's deadline; true while
 * some are left. Stops at a new layout (a new run: its draw starts afresh).
 */
function readAhead(
  memos: RowMemos,
  selectedIds: readonly string[],
  lastTop: { current: string[] },
): FrameJob {
  const layout = metricsHub.layout;
  let reading: RowReading | undefined;
  return (deadline) => {
    const buffer = metricsHub.buffer;
    if (layout === undefined || metricsHub.layout !== layout) return false;
    if (warmUtilizations(memos.utilization, buffer, layout, deadline, now)) return true;
    if (reading === undefined) {
      const utilizations = utilizationPass(memos.utilization, layout);
      const plan = chartPlan(buffer, layout, selectedIds, lastTop.current, utilizations.of);
      reading = rowReading(layout, plan.wanted, plan.aggregates, plan.more);
    }
    return warmRowFigures(buffer, reading, memos.rows, deadline, now);
  };
}

const READ_AHEAD = 'charts:read-ahead';
const DRAW = 'charts:draw';

/**
 * Starts a draw: the rows read ahead, then `draw()`'s steps (a generator: it yields where the
 * work may stop until the next frame, and its last step hands the charts to the cards, which
 * queue their plots); `done` is told the main thread's time it all took once the queue is
 * empty. Returns the function that drops what is still queued of it.
 */
export function drawInFrames(
  draw: () => Generator<void, void>,
  memos: RowMemos,
  selectedIds: readonly string[],
  lastTop: { current: string[] },
  done: (spentMs: number) => void,
): () => void {
  const before = chartFrames.spentMs();
  chartFrames.add(READ_AHEAD, readAhead(memos, selectedIds, lastTop));
  let steps: Generator<void, void> | undefined;
  chartFrames.add(DRAW, (deadline) => {
    steps ??= draw();
    while (steps.next().done !== true) if (now() >= deadline) return true;
    return false;
  });
  chartFrames.whenIdle(() => done(chartFrames.spentMs() - before));
  return () => {
    chartFrames.remove(READ_AHEAD);
    chartFrames.remove(DRAW);
  };
}
