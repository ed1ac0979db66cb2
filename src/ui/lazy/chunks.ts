/**
 * The code the first paint does not need, one loader per chunk. React.lazy and the idle
 * preload call the same loader, so the browser fetches each chunk once.
 */
export const loadAnalysisPanel = () => import('../analysis/AnalysisPanel.tsx');
export const loadLiveCharts = () => import('../charts/LiveCharts.tsx');

/** After the first paint: the charts (shown after a run) first, then the Analyze drawer. */
export function preloadSoonNeeded(): void {
  void loadLiveCharts()
    .then(loadAnalysisPanel)
    .catch(() => {
      // A failed preload is retried by React.lazy when the part is actually shown.
    });
}
