/**
 * Compare: make variant B, edit it on the canvas (Editing: B), then run A and B to the end in
 * analysis workers under the same seed and read the differences.
 */
import { useState } from 'react';
import { compareRuns, type Comparison } from '../../analysis/compare.ts';
import type { TimelinePoint } from '../../engine/types.ts';
import { useAppStore } from '../../store/index.ts';
import { useAnalysisStore } from './analysisStore.ts';
import { CompareChart } from './CompareChart.tsx';
import { CompareTable } from './CompareTable.tsx';
import { isAbort, runAll, useRunnerPoolFactory } from './runners.ts';
import { currentVariants, discardVariantB, makeVariantB } from './variants.ts';
import { VariantSwitch } from './VariantSwitch.tsx';

interface Outcome {
  comparison: Comparison;
  timelines: { a: TimelinePoint[]; b: TimelinePoint[] };
  seed: number;
}

export function ComparePanel() {
  const factory = useRunnerPoolFactory();
  const editing = useAnalysisStore((s) => s.editing);
  const hasB = useAnalysisStore((s) => s.variantB !== null || s.editing === 'B');
  const canvasName = useAppStore((s) => s.doc.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run = async () => {
    const { a, b } = currentVariants();
    if (!b) return;
    setBusy(true);
    setError(null);
    try {
      // One seed for both: each client's arrivals come from its own stream, so A and B see
      // the same traffic.
      const seed = a.seed;
      const [ra, rb] = await runAll(factory, [
        { doc: a, opts: { seed } },
        { doc: b, opts: { seed } },
      ]);
      if (!ra || !rb) throw new Error('a run gave no result');
      setOutcome({
        comparison: compareRuns({ doc: a, result: ra }, { doc: b, result: rb }),
        timelines: { a: ra.timeline, b: rb.timeline },
        seed,
      });
    } catch (e) {
      if (!isAbort(e)) setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="an-pane">
      <p className="an-lead">
        Make a copy of the design as variant B, change it on the canvas, and run both on the same
        seeded traffic.
      </p>
      <div className="an-row">
        {!hasB ? (
          <button type="button" className="btn" onClick={() => makeVariantB()}>
            Make variant B
          </button>
        ) : (
          <>
            <VariantSwitch />
            <button type="button" className="btn" onClick={() => void run()} disabled={busy}>
              {busy ? 'Running A and B…' : 'Run A and B'}
            </button>
            <button type="button" className="btn btn--small" onClick={() => discardVariantB()}>
              Discard B
            </button>
          </>
        )}
      </div>
      {hasB && (
        <p className="an-note">
          The canvas shows <strong>{editing}</strong> ({canvasName}). Close this panel to edit it;
          switch with “Editing: A | B” in the toolbar.
        </p>
      )}
      {error && (
        <p className="an-error" role="alert">
          {error}
        </p>
      )}
      {outcome && (
        <section aria-label="Comparison results">
          <CompareTable comparison={outcome.comparison} />
          <p className="an-note">
            Same seed ({outcome.seed}) for both runs: identical arrivals. Cost: instances × price
            per hour by kind (illustrative prices).
          </p>
          <CompareChart a={outcome.timelines.a} b={outcome.timelines.b} />
        </section>
      )}
    </div>
  );
}
