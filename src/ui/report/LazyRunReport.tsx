/**
 * The run report, loaded the first time it is opened (its tables are not needed for the first
 * paint) and kept mounted afterwards. A fixed overlay, so nothing shifts while it loads; its
 * own error boundary, so a report that fails to render leaves the rest of the page working.
 */
import { lazy, Suspense } from 'react';
import { PanelBoundary } from '../common/PanelBoundary.tsx';
import { useReportStore } from './reportStore.ts';

const RunReport = lazy(() => import('./RunReport.tsx'));

export function LazyRunReport() {
  const opened = useReportStore((s) => s.opened);
  if (!opened) return null;
  return (
    <PanelBoundary name="run report" className="panel-failed--overlay">
      <Suspense fallback={null}>
        <RunReport />
      </Suspense>
    </PanelBoundary>
  );
}
