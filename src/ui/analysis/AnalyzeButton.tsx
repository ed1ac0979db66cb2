/** The toolbar's entry to the analyses, and the A | B switch once a variant B exists. */
import { useAnalysisStore } from './analysisStore.ts';
import { VariantSwitch } from './VariantSwitch.tsx';

export const ANALYZE_BUTTON_ID = 'analyze-toggle';
export const ANALYSIS_DRAWER_ID = 'analysis-drawer';

export function AnalyzeButton() {
  const open = useAnalysisStore((s) => s.open);
  const setOpen = useAnalysisStore((s) => s.setOpen);
  return (
    <div className="toolbar__group an-entry">
      <VariantSwitch />
      <button
        type="button"
        className={`btn${open ? ' an-switch--on' : ''}`}
        id={ANALYZE_BUTTON_ID}
        aria-expanded={open}
        aria-controls={ANALYSIS_DRAWER_ID}
        onClick={() => setOpen(!open)}
        title="Compare designs, sweep the load, replications, theory"
      >
        Analyze
      </button>
    </div>
  );
}
