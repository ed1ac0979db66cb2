/**
 * The kept runs, newest first: when, which design (name and hash), seed, the key figures, the
 * objectives' verdict and the cost. Pick two to see them side by side, the change from the
 * earlier to the later and whether it is better.
 */
import { useEffect } from 'react';
import { loadRunHistory, RUN_HISTORY_PANEL_ID, useRunHistory } from './runHistoryStore.ts';
import { FIGURE_KEYS, type RunRecord } from './runRecord.ts';
import { compareRecords, figureText, FIGURES, verdictText } from './runCompare.ts';
import { closeOnEscape } from '../common/closeOnEscape.ts';
import '../report/report.css';
import './runHistory.css';

const when = (at: number): string =>
  new Date(at).toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

function RunComparison({ runs }: { runs: [RunRecord, RunRecord] }) {
  const [before, after] = [...runs].sort((a, b) => a.at - b.at) as [RunRecord, RunRecord];
  const same = before.docHash === after.docHash;
  const sameSeed = before.seed === after.seed;
  const note =
    same && sameSeed
      ? 'Same design, same seed: the same run twice.'
      : `${same ? 'Same design' : 'Different designs'}, ${sameSeed ? 'same seed: the same traffic, so the changes are the design’s' : `seeds ${before.seed} and ${after.seed}: different traffic, so part of each change is chance`}. One run each gives no confidence interval: Analyze › Compare runs both designs over the same seeds and says which differences are significant.`;
  return (
    <section className="rr-section" aria-labelledby="rh-compare">
      <h3 id="rh-compare">
        {before.name} at {when(before.at)} → {after.name} at {when(after.at)}
      </h3>
      <p className="rh-note">{note}</p>
      <table className="rr-table rh-compare" aria-labelledby="rh-compare">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">Earlier</th>
            <th scope="col">Later</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {compareRecords(before, after).map((r) => (
            <tr key={r.key} data-figure={r.key}>
              <th scope="row">{r.label}</th>
              <td>{r.before}</td>
              <td>{r.after}</td>
              <td className={`rh-${r.verdict}`}>
                {r.change}
                {r.verdict === 'better' || r.verdict === 'worse' ? `, ${r.verdict}` : ''}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">Objectives</th>
            <td>{verdictText(before)}</td>
            <td>{verdictText(after)}</td>
            <td />
          </tr>
        </tbody>
      </table>
    </section>
  );
}

export default function RunHistoryPanel() {
  const { records, open, picked, problem, setOpen, togglePick } = useRunHistory();
  useEffect(() => {
    if (open) void loadRunHistory();
  }, [open]);
  const pair = picked.map((id) => records.find((r) => r.id === id)).filter((r) => r !== undefined);
  return (
    <div
      id={RUN_HISTORY_PANEL_ID}
      className="overlay-panel rr-panel rh-panel"
      role="dialog"
      aria-label="Runs"
      hidden={!open}
      onKeyDown={closeOnEscape(() => setOpen(false))}
    >
      <header className="rr-head">
        <h2>Runs</h2>
        <button
          type="button"
          className="btn btn--small rr-close"
          aria-label="Close the runs"
          onClick={() => setOpen(false)}
        >
          ×
        </button>
      </header>
      <p className="rr-when">
        {records.length === 0
          ? 'No finished run yet: run a design to its end and it is kept here.'
          : `${records.length} finished ${records.length === 1 ? 'run' : 'runs'}, newest first. Pick two to compare them.`}
        {problem !== null && <span className="rh-problem"> {problem}</span>}
      </p>
      <div className="rr-body">
        {pair.length === 2 && <RunComparison runs={pair as [RunRecord, RunRecord]} />}
        {records.length > 0 && (
          <div className="rr-scroll">
            <table className="rr-table rh-list" aria-label="Finished runs">
              <thead>
                <tr>
                  <th scope="col">Compare</th>
                  <th scope="col">Finished</th>
                  <th scope="col">Design</th>
                  <th scope="col">Seed</th>
                  {FIGURE_KEYS.map((k) => (
                    <th key={k} scope="col">
                      {FIGURES[k].label}
                    </th>
                  ))}
                  <th scope="col">Objectives</th>
                </tr>
              </thead>
              <tbody>
                {records.map((r) => (
                  <tr key={r.id} data-run={r.id} aria-selected={picked.includes(r.id)}>
                    <td>
                      <input
                        type="checkbox"
                        checked={picked.includes(r.id)}
                        aria-label={`Compare the run of ${r.name} finished ${when(r.at)}`}
                        onChange={() => togglePick(r.id)}
                      />
                    </td>
                    <td>{when(r.at)}</td>
                    <td
                      title={`Document hash ${r.docHash}${r.truncated ? ` · ${r.truncated}` : ''}`}
                    >
                      {r.name} <code>{r.docHash.slice(0, 6)}</code>
                      {r.truncated ? ' (stopped early)' : ''}
                    </td>
                    <td>{r.seed}</td>
                    {FIGURE_KEYS.map((k) => (
                      <td key={k}>{figureText(k, r.figures[k])}</td>
                    ))}
                    <td>{verdictText(r)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}
