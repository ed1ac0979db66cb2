/** A against B: each figure, the difference B − A and in %, coloured better or worse. */
import type { Comparison, Delta } from '../../analysis/compare.ts';
import { formatDuration, formatPercent, formatRate } from '../run/format.ts';
import { fmtMoney, fmtPct } from './format.ts';

interface Row {
  name: string;
  d: Delta;
  lowerIsBetter: boolean;
  show: (x: number) => string;
}

/** Differences under half a percent are noise-sized: shown, not coloured. */
const NEGLIGIBLE = 0.005;

export function verdict(d: Delta, lowerIsBetter: boolean): 'better' | 'worse' | 'same' {
  const rel = d.relative ?? (d.delta === 0 ? 0 : Math.sign(d.delta));
  if (Math.abs(rel) < NEGLIGIBLE) return 'same';
  return d.delta < 0 === lowerIsBetter ? 'better' : 'worse';
}

const ms = formatDuration;
const rps = (x: number) => formatRate(x);
const pct = formatPercent;

export function CompareTable({ comparison }: { comparison: Comparison }) {
  const rows: Row[] = [
    { name: 'p50 latency', d: comparison.p50Ms, lowerIsBetter: true, show: ms },
    { name: 'p99 latency', d: comparison.p99Ms, lowerIsBetter: true, show: ms },
    { name: 'Throughput', d: comparison.throughputRps, lowerIsBetter: false, show: rps },
    { name: 'Error rate', d: comparison.errorRate, lowerIsBetter: true, show: pct },
    { name: 'Cost per hour', d: comparison.costPerHour, lowerIsBetter: true, show: fmtMoney },
  ];
  return (
    <table className="an-table" aria-label="Comparison A and B">
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col">A</th>
          <th scope="col">B</th>
          <th scope="col">B − A</th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const v = verdict(r.d, r.lowerIsBetter);
          const sign = r.d.delta > 0 ? '+' : r.d.delta < 0 ? '−' : '';
          return (
            <tr key={r.name} data-verdict={v}>
              <th scope="row">{r.name}</th>
              <td>{r.show(r.d.a)}</td>
              <td>{r.show(r.d.b)}</td>
              <td className={`an-delta an-delta--${v}`}>
                {sign}
                {r.show(Math.abs(r.d.delta))}
              </td>
              <td className={`an-delta an-delta--${v}`}>
                {fmtPct(r.d.relative)} {v === 'same' ? '' : v === 'better' ? '▲ better' : '▼ worse'}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
