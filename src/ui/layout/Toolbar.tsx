/** The top bar: app name, the scenario's name, undo/redo, and the run controls. */
import { useAppStore, useHistory } from '../../store/index.ts';
import { RunControls } from '../run/RunControls.tsx';
import { RunSummary } from '../run/RunSummary.tsx';
import { AnalyzeButton } from '../analysis/AnalyzeButton.tsx';
import { ScenarioMenus } from '../share/ScenarioMenus.tsx';

export function Toolbar() {
  const name = useAppStore((s) => s.doc.name);
  const readOnly = useAppStore((s) => s.readOnly);
  const canUndo = useHistory((h) => h.pastStates.length > 0);
  const canRedo = useHistory((h) => h.futureStates.length > 0);
  const undo = useHistory((h) => h.undo);
  const redo = useHistory((h) => h.redo);
  return (
    <header className="toolbar">
      <div className="toolbar__brand">
        <span className="toolbar__logo" aria-hidden="true">
          ◈
        </span>
        <span className="toolbar__app">archsim</span>
      </div>
      <h1 className="toolbar__title" title={name}>
        {name}
      </h1>
      {!readOnly && (
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
      )}
      {!readOnly && <ScenarioMenus />}
      {!readOnly && <AnalyzeButton />}
      <div className="toolbar__run">
        <RunControls />
        <RunSummary />
      </div>
    </header>
  );
}
