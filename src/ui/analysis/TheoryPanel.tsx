/**
 * Theory beside the measurement: the design run to its end in an analysis worker, then for each
 * node the queueing model's prediction next to what the simulation measured.
 */
import { useState } from 'react';
import { theoryCompare, type TheoryRow } from '../../analysis/theoryCompare.ts';
import type { Scenario } from '../../model/types.ts';
import { useAppStore } from '../../store/index.ts';
import { formatNumber } from '../run/format.ts';
import { fmtPct, nodeName } from './format.ts';
import { ErrorLine } from './ProgressLine.tsx';
import { isAbort, runAll, useRunnerPoolFactory } from './runners.ts';
import { explainModel } from './theoryNotes.ts';

export function TheoryPanel() {
  const factory = useRunnerPoolFactory();
  const doc = useAppStore((s) => s.doc);
  const [busy, setBusy] = useState(false);
  const [out, setOut] = useState<{ doc: Scenario; rows: TheoryRow[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const [result] = await runAll(factory, [{ doc, opts: {} }]);
      if (!result) throw new Error('the run gave no result');
      setOut({ doc, rows: theoryCompare(doc, result) });
    } catch (e) {
      if (!isAbort(e)) setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const models = out ? [...new Set(out.rows.map((r) => explainModel(r.model)))] : [];
  return (
    <div className="an-pane">
      <div className="an-row">
        <button type="button" className="btn" onClick={() => void run()} disabled={busy}>
          {busy ? 'Running…' : 'Run to the end and compare with theory'}
        </button>
      </div>
      <ErrorLine message={error} />
      {out && out.rows.length === 0 && (
        <p className="an-note">No node here has a queueing model to compare with.</p>
      )}
      {out && out.rows.length > 0 && (
        <section aria-label="Theory results">
          <table className="an-table" aria-label="Theory and measurement">
            <thead>
              <tr>
                <th scope="col">Node</th>
                <th scope="col">Model</th>
                <th scope="col">Metric</th>
                <th scope="col">Predicted</th>
                <th scope="col">Measured</th>
                <th scope="col">Error</th>
              </tr>
            </thead>
            <tbody>
              {out.rows.map((r, i) => {
                const err = r.relativeError;
                const grade =
                  err === null
                    ? 'same'
                    : Math.abs(err) <= 0.1
                      ? 'better'
                      : Math.abs(err) <= 0.25
                        ? 'same'
                        : 'worse';
                return (
                  <tr key={i} title={r.note}>
                    <th scope="row">{nodeName(out.doc, r.nodeId)}</th>
                    <td>{r.model}</td>
                    <td>{r.metric}</td>
                    <td>{formatNumber(r.predicted)}</td>
                    <td>{formatNumber(r.measured)}</td>
                    <td className={`an-delta an-delta--${grade}`}>{fmtPct(err)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <ul className="an-sentences" aria-label="What the models say">
            {models.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
