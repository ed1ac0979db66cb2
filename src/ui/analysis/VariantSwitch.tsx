/** "Editing: A | B": which variant the canvas and the inspector show. */
import { useAnalysisStore } from './analysisStore.ts';
import { switchEditing } from './variants.ts';

export function VariantSwitch() {
  const editing = useAnalysisStore((s) => s.editing);
  const hasB = useAnalysisStore((s) => s.variantB !== null || s.editing === 'B');
  if (!hasB) return null;
  return (
    <div className="an-switch" role="group" aria-label="Editing variant">
      <span className="an-switch__label">Editing:</span>
      {(['A', 'B'] as const).map((v) => (
        <button
          key={v}
          type="button"
          className={`btn btn--small${editing === v ? ' an-switch--on' : ''}`}
          aria-pressed={editing === v}
          onClick={() => switchEditing(v)}
          title={v === 'A' ? 'Show design A on the canvas' : 'Show variant B on the canvas'}
        >
          {v}
        </button>
      ))}
    </div>
  );
}
