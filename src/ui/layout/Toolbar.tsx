/**
 * The top bar, in two rows so nothing is cut off on a laptop screen:
 * 1. app name, the scenario's name, undo/redo, and the run controls (speed, clock);
 * 2. a status strip: the Run summary as one line that may wrap, and the secondary actions
 *    (Presets, Share, Export, Import, Analyze) grouped at its right.
 * Every button keeps its own accessible name; nothing hides behind a menu. The run controls, the
 * summary and the secondary actions arrive just after the first paint (a run needs the worker,
 * which comes then too; none of them is needed to draw the canvas).
 */
import { useAppStore, useHistory } from '../../store/index.ts';
import { PanelBoundary } from '../common/PanelBoundary.tsx';
import { AfterFirstPaint } from '../lazy/AfterFirstPaint.tsx';
import { LazyRunControls, LazyRunSummary, LazyScenarioActions } from '../lazy/chunks.ts';

function HistoryButtons() {
  const canUndo = useHistory((h) => h.pastStates.length > 0);
  const canRedo = useHistory((h) => h.futureStates.length > 0);
  const undo = useHistory((h) => h.undo);
  const redo = useHistory((h) => h.redo);
  return (
    <div className="toolbar__group" role="group" aria-label="History">
      <button
        type="button"
        className="btn btn--icon"
        onClick={() => undo()}
        disabled={!canUndo}
        aria-label="Undo"
        title="Undo (Ctrl+Z)"
      >
        ↶
      </button>
      <button
        type="button"
        className="btn btn--icon"
        onClick={() => redo()}
        disabled={!canRedo}
        aria-label="Redo"
        title="Redo (Ctrl+Shift+Z)"
      >
        ↷
      </button>
    </div>
  );
}

export function Toolbar() {
  const name = useAppStore((s) => s.doc.name);
  const readOnly = useAppStore((s) => s.readOnly);
  return (
    <header className="toolbar">
      <div className="toolbar__row">
        <div className="toolbar__brand">
          <span className="toolbar__logo" aria-hidden="true">
            ◈
          </span>
          <span className="toolbar__app">archsim</span>
        </div>
        <h1 className="toolbar__title" title={name}>
          {name}
        </h1>
        {!readOnly && <HistoryButtons />}
        <div className="toolbar__run">
          <AfterFirstPaint>
            <LazyRunControls />
          </AfterFirstPaint>
        </div>
      </div>
      <div className="toolbar__row toolbar__row--status">
        {/* Its own boundary: a summary that fails leaves Run, Pause and Reset working. */}
        <PanelBoundary name="run summary" className="run-summary">
          <AfterFirstPaint>
            <LazyRunSummary />
          </AfterFirstPaint>
        </PanelBoundary>
        {!readOnly && (
          <div className="toolbar__actions">
            <AfterFirstPaint>
              <LazyScenarioActions />
            </AfterFirstPaint>
          </div>
        )}
      </div>
    </header>
  );
}
