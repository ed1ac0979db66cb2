/**
 * Compare: make variant B, edit it on the canvas (Editing: B), then run A and B to the end in
 * analysis workers under the same k seeds (common random numbers) and read the differences:
 * the first seed's run side by side, and over all seeds each figure's paired 95 % interval.
 */
import { useState } from 'react';
import { compareRuns, type Comparison } from '../../analysis/compare.ts';
import { pairedComparison, type PairedComparison } from '../../analysis/paired.ts';
import { replicationSeeds } from '../../analysis/replications.ts';
import type { TimelinePoint } from '../../engine/types.ts';
import { useAppStore } from '../../store/index.ts';
import { useAnalysisStore } from './analysisStore.ts';
import { CompareChart } from './CompareChart.tsx';
import { CompareTable } from './CompareTable.tsx';
import { NumberField } from './NumberField.tsx';
import { PairedTable } from './PairedTable.tsx';
import { ErrorLine, ProgressLine } from './ProgressLine.tsx';
import { isAbort, runAll, useRunnerPoolFactory } from './runners.ts';
import { currentVariants, discardVariantB, makeVariantB } from './variants.ts';
import { VariantSwitch } from './VariantSwitch.tsx';

interface Outcome {
  comparison: Comparison;
  paired: PairedComparison;
  timelines: { a: TimelinePoint[]; b: TimelinePoint[] };
  seed: number;
}

export function ComparePanel() {
  const factory = useRunnerPoolFactory();
  const editing = useAnalysisStore((s) => s.editing);
  const hasB = useAnalysisStore((s) => s.variantB !== null || s.editing === 'B');
  const canvasName = useAppStore((s) => s.doc.name);
  const [seedCount, setSeedCount] = useState(5);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const busy = progress !== null;
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run = async () => {
    const { a, b } = currentVariants();
    if (!b) return;
    if (!(seedCount >= 1 && seedCount <= 50)) {
      setError('Compare: seeds must be from 1 to 50.');
      return;
    }
    setError(null);
    // The same seeds for both: each client's arrivals come from its own stream, so A and B
    // see the same traffic under each seed, and its luck cancels in the difference.
    const seeds = replicationSeeds(a.seed, Math.round(seedCount));
    const jobs = [
      ...seeds.map((seed) => ({ doc: a, opts: { seed } })),
      ...seeds.map((seed) => ({ doc: b, opts: { seed } })),
    ];
    setProgress({ done: 0, total: jobs.length });
    try {
      const results = await runAll(factory, jobs, { onProgress: setProgress });
      const ra = results.slice(0, seeds.length);
      const rb = results.slice(seeds.length);
      const [a0, b0] = [ra[0], rb[0]];
      if (!a0 || !b0) throw new Error('a run gave no result');
      setOutcome({
        comparison: compareRuns({ doc: a, result: a0 }, { doc: b, result: b0 }),
        paired: pairedComparison(a, b, ra, rb),
        timelines: { a: a0.timeline, b: b0.timeline },
        seed: seeds[0]!,
      });
    } catch (e) {
      if (!isAbort(e)) setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
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
            <NumberField label="Seeds" value={seedCount} min={1} onChange={setSeedCount} />
            <button type="button" className="btn" onClick={() => void run()} disabled={busy}>
              {busy ? 'Running A and B…' : 'Run A and B'}
            </button>
            <button type="button" className="btn btn--small" onClick={() => discardVariantB()}>
              Discard B
            </button>
            {progress && (
              <ProgressLine
                label="Compare progress"
                done={progress.done}
                total={progress.total}
                unit="runs"
              />
            )}
          </>
        )}
      </div>
      {hasB && (
        <p className="an-note">
          The canvas shows <strong>{editing}</strong> ({canvasName}). Close this panel to edit it;
          switch with “Editing: A | B” in the toolbar.
        </p>
      )}
      <ErrorLine message={error} />
      {outcome && (
        <section aria-label="Comparison results">
          <h3 className="an-subhead">
            Over {outcome.paired.seeds.length} seeds ({outcome.paired.seeds.join(', ')}), A and B
            under each
          </h3>
          <PairedTable c={outcome.paired} />
          <h3 className="an-subhead">One run each, seed {outcome.seed}</h3>
          <CompareTable comparison={outcome.comparison} />
          <p className="an-note">
            Same seed for both runs: identical arrivals. Cost: each node's charge at its kind's
            price (per instance-hour × size, per GB, per million messages).
          </p>
          <CompareChart a={outcome.timelines.a} b={outcome.timelines.b} />
        </section>
      )}
    </div>
  );
}
