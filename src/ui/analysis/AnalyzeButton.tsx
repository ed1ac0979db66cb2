/** The toolbar's entry to the analyses, and the A | B switch once a variant B exists. */
import { useAnalysisStore } from './analysisStore.ts';
import { VariantSwitch } from './VariantSwitch.tsx';

export function AnalyzeButton() {
  const open = useAnalysisStore((s) => s.open);
  const setOpen = useAnalysisStore((s) => s.setOpen);
  return (
    <div className="toolbar__group an-entry">
      <VariantSwitch />
      <button
        type="button"
        className={`btn${open ? ' an-switch--on' : ''}`}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        title="Compare designs, sweep the load, replications, theory"
      >
        Analyze
      </button>
    </div>
  );
}
