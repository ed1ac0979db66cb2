/**
 * The bottom panel's charts. recharts is loaded lazily: the canvas paints first, and the chart
 * code arrives while the user reads the lesson or presses Run.
 */
import { lazy, Suspense } from 'react';
import './charts.css';

const LiveCharts = lazy(() => import('./LiveCharts.tsx'));

export function ChartsPanel() {
  return (
    // Scrolls when there are more charts than fit, so Tab reaches it: named for that stop.
    <div className="charts-panel" role="group" aria-label="Live charts">
      <Suspense fallback={<p className="charts-panel__empty">Loading charts…</p>}>
        <LiveCharts />
      </Suspense>
    </div>
  );
}
