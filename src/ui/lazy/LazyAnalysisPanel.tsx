/**
 * The Analyze drawer, loaded on demand: its panes and their recharts charts are not needed for
 * the first paint. It mounts when the browser is first idle (so opening it later is instant and
 * it then stays mounted, keeping a running sweep alive) or as soon as the user opens it.
 * Idle is counted from the first paint, so the drawer never competes with it.
 * The drawer is a fixed overlay, so rendering nothing while loading shifts no layout.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useAnalysisStore } from '../analysis/analysisStore.ts';
import { loadAnalysisPanel, preloadSoonNeeded } from './chunks.ts';
import { whenIdle } from './whenIdle.ts';
import { afterFirstPaint } from './firstPaint.ts';

const AnalysisPanel = lazy(() => loadAnalysisPanel().then((m) => ({ default: m.AnalysisPanel })));

export function LazyAnalysisPanel() {
  const open = useAnalysisStore((s) => s.open);
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let cancelIdle = () => {};
    const cancelPaint = afterFirstPaint(() => {
      cancelIdle = whenIdle(() => {
        preloadSoonNeeded();
        setIdle(true);
      });
    });
    return () => {
      cancelPaint();
      cancelIdle();
    };
  }, []);
  if (!open && !idle) return null;
  return (
    <Suspense fallback={null}>
      <AnalysisPanel />
    </Suspense>
  );
}
