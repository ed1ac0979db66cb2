/** Every point of a param sweep: its values, latency (± 95 % over seeds), errors, cost. */
import type { ParamSweepAnalysis } from '../../analysis/paramSweepAnalysis.ts';
import { formatDuration, formatPercent } from '../run/format.ts';
import { fmtMoney } from './format.ts';

export function ParamSweepTable({ a }: { a: ParamSweepAnalysis }) {
  const frontier = new Set(a.pareto);
  const pm = (hw: number) => (Number.isFinite(hw) ? ` ± ${formatDuration(hw)}` : '');
  return (
    <table className="an-table" aria-label="Param sweep points">
      <thead>
        <tr>
          {a.axes.map((ax) => (
            <th key={ax.path} scope="col">
              {ax.label}
            </th>
          ))}
          <th scope="col">p50</th>
          <th scope="col">p99</th>
          <th scope="col">Errors</th>
          <th scope="col">Cost / h</th>
          <th scope="col">{a.passBy === 'objectives' ? 'Objectives' : 'Meets SLO'}</th>
        </tr>
      </thead>
      <tbody>
        {a.points.map((p, i) => (
          <tr key={p.values.join(',')} data-pass={p.meetsSlo} data-frontier={frontier.has(i)}>
            {p.values.map((v, j) => (
              <td key={j}>{v}</td>
            ))}
            <td>{formatDuration(p.p50Ms)}</td>
            <td>
              {formatDuration(p.p99Ms)}
              {pm(p.p99HalfWidthMs)}
            </td>
            <td>{formatPercent(p.errorRate)}</td>
            <td>{fmtMoney(p.costPerHour)}</td>
            <td>
              {p.meetsSlo
                ? 'yes'
                : p.objectivesMissed.length
                  ? `missed ${p.objectivesMissed.join(', ')}`
                  : 'no'}
              {a.best === p ? ' ★ cheapest' : ''}
              {frontier.has(i) ? ' · frontier' : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
