/**
 * The playground's layout: toolbar on top, palette left, canvas centre, inspector right, charts
 * below. The embedded view keeps the canvas, the charts and Run only. Each panel has its own
 * error boundary, so one that fails to render shows why and the others keep working.
 * The first paint needs the canvas's code only: the inspector, the fault timeline, the charts and
 * the toolbar's secondary actions are fetched once the page has painted, each into a place of
 * its own size (main.tsx starts the worker then too).
 * The lesson, the inspector and the charts each have a splitter to size them and a button to
 * hide them (the minimap has its button on the canvas); sizes and choices are remembered
 * (ui/layout/panelPrefs.ts).
 */
import { ReactFlowProvider } from '@xyflow/react';
import { useAppStore } from './store/index.ts';
import { Toolbar } from './ui/layout/Toolbar.tsx';
import { Notices } from './ui/layout/Notices.tsx';
import { Canvas } from './ui/canvas/Canvas.tsx';
import { Palette } from './ui/palette/Palette.tsx';
import { ChartsPanel } from './ui/charts/ChartsPanel.tsx';
import { LazyAnalysisPanel } from './ui/lazy/LazyAnalysisPanel.tsx';
import { LessonRoom } from './ui/lazy/LessonRoom.tsx';
import { ConflictNotice } from './ui/history/ConflictNotice.tsx';
import { PanelBoundary } from './ui/common/PanelBoundary.tsx';
import { AfterFirstPaint } from './ui/lazy/AfterFirstPaint.tsx';
import {
  LazyFaultTimeline,
  LazyInspector,
  LazyLessonPanel,
  LazyOpenInArchsim,
  LazySplitter,
} from './ui/lazy/chunks.ts';
import { LazyRunReport } from './ui/report/LazyRunReport.tsx';
import { PanelStrip, PanelToggle } from './ui/layout/PanelToggle.tsx';
import { lessonCollapsedByDefault, useCollapsed, type SizedPanel } from './ui/layout/panelPrefs.ts';

const INSPECTOR_ROOM = <aside className="inspector" aria-label="Inspector" aria-busy="true" />;
const TIMELINE_ROOM = <section className="fault-timeline fault-timeline--room" aria-busy="true" />;
const CHARTS_ROOM = <div className="charts-panel" aria-busy="true" />;

function Splitter({ panel }: { panel: SizedPanel }) {
  return (
    <AfterFirstPaint>
      <LazySplitter panel={panel} />
    </AfterFirstPaint>
  );
}

/** The charts below the canvas: sized by the splitter above them, or collapsed to a bar. */
function ChartsRoom({ readOnly }: { readOnly: boolean }) {
  const collapsed = useCollapsed('charts', false) && !readOnly;
  return (
    <>
      {!collapsed && !readOnly && <Splitter panel="charts" />}
      <section
        className={`app__bottom${collapsed ? ' app__bottom--collapsed' : ''}`}
        aria-label="Charts"
      >
        {!readOnly && (
          <PanelToggle panel="charts" title="charts" collapsed={collapsed} place="bottom" />
        )}
        {collapsed ? (
          <h2 className="panel-title app__bottom-title">Charts</h2>
        ) : (
          <PanelBoundary name="charts">
            <AfterFirstPaint fallback={CHARTS_ROOM}>
              <ChartsPanel />
            </AfterFirstPaint>
          </PanelBoundary>
        )}
      </section>
    </>
  );
}

function LessonSide() {
  const empty = useAppStore((s) => s.doc.description.trim() === '');
  const collapsed = useCollapsed('lesson', lessonCollapsedByDefault()) || empty;
  return (
    <>
      {!collapsed && <Splitter panel="lesson" />}
      <PanelBoundary name="lesson" className="lesson">
        <AfterFirstPaint fallback={<LessonRoom />}>
          <LazyLessonPanel />
        </AfterFirstPaint>
      </PanelBoundary>
    </>
  );
}

function InspectorSide() {
  const collapsed = useCollapsed('inspector', false);
  if (collapsed) return <PanelStrip panel="inspector" title="inspector" />;
  return (
    <>
      <Splitter panel="inspector" />
      <div className="side-slot">
        <PanelToggle panel="inspector" title="inspector" collapsed={false} place="side" />
        <PanelBoundary name="inspector" className="inspector">
          <AfterFirstPaint fallback={INSPECTOR_ROOM}>
            <LazyInspector />
          </AfterFirstPaint>
        </PanelBoundary>
      </div>
    </>
  );
}

export function App() {
  const readOnly = useAppStore((s) => s.readOnly);
  return (
    <ReactFlowProvider>
      <div className={`app${readOnly ? ' app--embed' : ''}`}>
        <PanelBoundary name="toolbar" className="toolbar">
          <Toolbar />
        </PanelBoundary>
        <PanelBoundary name="messages">
          <Notices />
          {readOnly ? (
            <AfterFirstPaint>
              <LazyOpenInArchsim />
            </AfterFirstPaint>
          ) : (
            <ConflictNotice />
          )}
        </PanelBoundary>
        <div className="app__body">
          {!readOnly && (
            <PanelBoundary name="palette" className="palette">
              <Palette />
            </PanelBoundary>
          )}
          <main className="app__centre">
            <PanelBoundary name="canvas" className="canvas">
              <Canvas />
            </PanelBoundary>
            <ChartsRoom readOnly={readOnly} />
            {!readOnly && (
              <PanelBoundary name="fault timeline" className="fault-timeline">
                <AfterFirstPaint fallback={TIMELINE_ROOM}>
                  <LazyFaultTimeline />
                </AfterFirstPaint>
              </PanelBoundary>
            )}
          </main>
          {!readOnly && <LessonSide />}
          {!readOnly && <InspectorSide />}
        </div>
        <LazyRunReport />
        {!readOnly && (
          <PanelBoundary name="analysis drawer" className="panel-failed--overlay">
            <LazyAnalysisPanel />
          </PanelBoundary>
        )}
      </div>
    </ReactFlowProvider>
  );
}
