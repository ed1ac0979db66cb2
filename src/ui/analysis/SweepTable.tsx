/** The load sweep's points as a table: load, latency, goodput, and whether each passes. */
import { formatCount, formatDuration } from '../run/format.ts';
import type { SweepReport } from './sweepReport.ts';

export function SweepTable({ report }: { report: SweepReport }) {
  return (
    <table className="an-table" aria-label="Sweep points">
      <thead>
        <tr>
          <th scope="col">Load</th>
          <th scope="col">Offered rps</th>
          <th scope="col">p50</th>
          <th scope="col">p99</th>
          <th scope="col">Goodput rps</th>
          <th scope="col" title={report.passLabel}>
            Passes: {report.passBy === 'objectives' ? 'objectives' : report.passLabel}
          </th>
        </tr>
      </thead>
      <tbody>
        {report.rows.map((r) => (
          <tr key={r.offeredRps} data-pass={r.pass}>
            <td>{formatCount(r.pct)} %</td>
            <td>{formatCount(r.offeredRps)}</td>
            <td>{formatDuration(r.p50)}</td>
            <td>{formatDuration(r.p99)}</td>
            <td>{formatCount(r.goodput)}</td>
            <td>{r.pass ? 'yes' : 'no'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
