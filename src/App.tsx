/**
 * The playground's layout: toolbar on top, palette left, canvas centre, inspector right, charts
 * below. The embedded view keeps the canvas, the charts and Run only.
 */
import { ReactFlowProvider } from '@xyflow/react';
import { useAppStore } from './store/index.ts';
import { Toolbar } from './ui/layout/Toolbar.tsx';
import { Notices } from './ui/layout/Notices.tsx';
import { Canvas } from './ui/canvas/Canvas.tsx';
import { Palette } from './ui/palette/Palette.tsx';
import { Inspector } from './ui/inspector/Inspector.tsx';
import { ChartsPanel } from './ui/charts/ChartsPanel.tsx';
import { FaultTimeline } from './ui/faults/FaultTimeline.tsx';
import { LazyAnalysisPanel } from './ui/lazy/LazyAnalysisPanel.tsx';
import { LessonPanel } from './ui/lesson/LessonPanel.tsx';
import { ConflictNotice } from './ui/history/ConflictNotice.tsx';
import { OpenInArchsim } from './ui/share/OpenInArchsim.tsx';

export function App() {
  const readOnly = useAppStore((s) => s.readOnly);
  return (
    <ReactFlowProvider>
      <div className={`app${readOnly ? ' app--embed' : ''}`}>
        <Toolbar />
        <Notices />
        {readOnly ? <OpenInArchsim /> : <ConflictNotice />}
        <div className="app__body">
          {!readOnly && <Palette />}
          <main className="app__centre">
            <Canvas />
            <section className="app__bottom" aria-label="Charts">
              <ChartsPanel />
            </section>
            {!readOnly && <FaultTimeline />}
          </main>
          {!readOnly && <LessonPanel />}
          {!readOnly && <Inspector />}
        </div>
        {!readOnly && <LazyAnalysisPanel />}
      </div>
    </ReactFlowProvider>
  );
}
