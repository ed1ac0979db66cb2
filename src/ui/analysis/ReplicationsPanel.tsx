/** Replications: N seeds of the design; each figure's mean ± 95 % CI and how sure that is. */
import { useState } from 'react';
import {
  REPLICATED_FIGURES,
  summariseReplications,
  type ReplicatedFigure,
  type ReplicationSummary,
} from '../../analysis/replications.ts';
import { replicationJobs } from '../../analysis/run.ts';
import { precisionWord } from '../../analysis/stats.ts';
import { useAppStore } from '../../store/index.ts';
import { formatNumber } from '../run/format.ts';
import { ReplicatedNodeFigures } from './ReplicatedNodeFigures.tsx';
import { ReplicatedRegionFigures } from '../regions/ReplicatedRegionFigures.tsx';
import { ErrorLine, RunWithProgress } from './ProgressLine.tsx';
import { NumberField } from './NumberField.tsx';
import { isAbort, runAll, useRunnerPoolFactory } from './runners.ts';

const FIGURES = Object.keys(REPLICATED_FIGURES) as ReplicatedFigure[];

export function ReplicationsPanel() {
  const factory = useRunnerPoolFactory();
  const doc = useAppStore((s) => s.doc);
  const [n, setN] = useState(8);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [summary, setSummary] = useState<ReplicationSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    if (!(n >= 2)) {
      setError('Replications: at least 2 seeds are needed for a confidence interval.');
      return;
    }
    setError(null);
    setProgress({ done: 0, total: n });
    try {
      const results = await runAll(factory, replicationJobs(doc, Math.round(n)), {
        onProgress: setProgress,
      });
      setSummary(summariseReplications(results));
    } catch (e) {
      if (!isAbort(e)) setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  };

  // Error rate is a ratio: shown in percent.
  const scale = (k: ReplicatedFigure) => (k === 'errorRate' ? 100 : 1);
  const unit = (k: ReplicatedFigure) => (k === 'errorRate' ? '%' : REPLICATED_FIGURES[k].unit);
  return (
    <div className="an-pane">
      <div className="an-row">
        <NumberField label="Seeds" value={n} min={2} onChange={setN} />
        <RunWithProgress
          label="Run replications"
          onRun={() => void run()}
          progress={progress}
          progressLabel="Replications progress"
          unit="seeds"
        />
      </div>
      <ErrorLine message={error} />
      {summary && (
        <section aria-label="Replication results">
          <table className="an-table" aria-label="Replications">
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col">Mean</th>
                <th scope="col">± 95 % CI</th>
                <th scope="col">Precision</th>
              </tr>
            </thead>
            <tbody>
              {FIGURES.map((k) => {
                const e = summary.figures[k];
                return (
                  <tr key={k}>
                    <th scope="row">{REPLICATED_FIGURES[k].label}</th>
                    <td>
                      {formatNumber(e.mean * scale(k))} {unit(k)}
                    </td>
                    <td>
                      ± {formatNumber(e.halfWidth * scale(k))} {unit(k)}
                    </td>
                    <td>
                      {Number.isFinite(e.relativePrecision)
                        ? `±${(e.relativePrecision * 100).toFixed(1)} % `
                        : ''}
                      ({precisionWord(e.relativePrecision)})
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <ReplicatedRegionFigures summary={summary} />
          <ReplicatedNodeFigures summary={summary} doc={doc} />
          <p className="an-note">
            {summary.n} seeds: {summary.seeds.join(', ')}.
          </p>
          <ul className="an-sentences" aria-label="How sure">
            {summary.sentences.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
