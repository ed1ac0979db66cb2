/**
 * The code the first paint does not need, one loader per chunk. React.lazy and the idle
 * preload call the same loader, so the browser fetches each chunk once.
 */
import { lazy } from 'react';

export const loadAnalysisPanel = () => import('../analysis/AnalysisPanel.tsx');
export const loadLiveCharts = () => import('../charts/LiveCharts.tsx');

export const LazyInspector = lazy(() =>
  import('../inspector/Inspector.tsx').then((m) => ({ default: m.Inspector })),
);
export const LazyFaultTimeline = lazy(() =>
  import('../faults/FaultTimeline.tsx').then((m) => ({ default: m.FaultTimeline })),
);
export const LazyScenarioActions = lazy(() =>
  import('./ScenarioActions.tsx').then((m) => ({ default: m.ScenarioActions })),
);
export const LazyLessonPanel = lazy(() =>
  import('../lesson/LessonPanel.tsx').then((m) => ({ default: m.LessonPanel })),
);
export const LazyRunControls = lazy(() =>
  import('../run/RunControls.tsx').then((m) => ({ default: m.RunControls })),
);
export const LazyRunSummary = lazy(() =>
  import('../run/RunSummary.tsx').then((m) => ({ default: m.RunSummary })),
);
export const LazyLiveLayer = lazy(() =>
  import('../canvas/LiveLayer.tsx').then((m) => ({ default: m.LiveLayer })),
);
/** A splitter has no width of its own in the layout: it arrives after the paint, moving nothing. */
export const LazySplitter = lazy(() =>
  import('../layout/Splitter.tsx').then((m) => ({ default: m.Splitter })),
);
/** A node's cost on the canvas: it prices the design, which reads the traffic equations. */
export const LazyNodeCostChip = lazy(() => import('../report/NodeCostChip.tsx'));
export const LazyOpenInArchsim = lazy(() =>
  import('../share/OpenInArchsim.tsx').then((m) => ({ default: m.OpenInArchsim })),
);

/** After the first paint: the charts (shown after a run) first, then the Analyze drawer. */
export function preloadSoonNeeded(): void {
  void loadLiveCharts()
    .then(loadAnalysisPanel)
    .catch(() => {
      // A failed preload is retried by React.lazy when the part is actually shown.
    });
}
