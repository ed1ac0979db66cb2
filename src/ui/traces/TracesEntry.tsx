/**
 * The ways into the Traces view from the charts: a button with the count of traces kept, and
 * a click on a chart (the requests that ended near that time, slowest first; on a latency chart
 * also near the clicked line's value; errors: the failed ones; a node's charts: through it,
 * chartFocus.ts). The view itself is a chunk of its own, fetched when first opened.
 */
import { lazy, Suspense } from 'react';
import { createPortal } from 'react-dom';
import type { PointClick } from '../charts/ChartCard.tsx';
import { focusOfClick } from './chartFocus.ts';
import { useLiveTraces } from './liveTraces.ts';
import './traces.css';

const TracesPanel = lazy(() => import('./TracesPanel.tsx'));

export const openTracesFromChart: PointClick = (_key, tS, _row, v, spec) =>
  useLiveTraces.getState().show(focusOfClick(tS, v, spec));

export function TracesEntry() {
  const count = useLiveTraces((s) => s.kept);
  const open = useLiveTraces((s) => s.open);
  const focus = useLiveTraces((s) => s.focus);
  const show = useLiveTraces((s) => s.show);
  return (
    <>
      <div className="charts-panel__traces">
        <button type="button" onClick={() => show()} disabled={count === 0}>
          Traces ({count})
        </button>
        <span>click a chart to see the requests at that moment</span>
      </div>
      {open &&
        // On the page's top level: the charts panel would clip and contain an overlay.
        createPortal(
          <Suspense fallback={null}>
            {/* A new focus (another click) starts the view afresh from it. */}
            <TracesPanel key={JSON.stringify(focus)} />
          </Suspense>,
          document.body,
        )}
    </>
  );
}
