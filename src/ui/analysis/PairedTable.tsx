/**
 * A against B over k seeds (common random numbers): each figure's means, the mean difference
 * B − A with its paired 95 % interval, and the verdict in words.
 */
import type { PairedComparison } from '../../analysis/paired.ts';
import { formatNumber } from '../run/format.ts';

export function PairedTable({ c }: { c: PairedComparison }) {
  const pm = (hw: number) => (Number.isFinite(hw) ? ` ± ${formatNumber(hw)}` : '');
  return (
    <>
      <ul className="an-sentences" aria-label="Verdict">
        {c.figures
          .filter((f) => f.significant)
          .map((f) => (
            <li key={f.figure} className={`an-delta an-delta--${f.verdict}`}>
              {f.sentence}
            </li>
          ))}
      </ul>
      <table className="an-table" aria-label={`Paired comparison over ${c.seeds.length} seeds`}>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">A (mean)</th>
            <th scope="col">B (mean)</th>
            <th scope="col">B − A, paired 95 % CI</th>
            <th scope="col">unpaired CI</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {c.figures.map((f) => (
            <tr key={f.figure} data-verdict={f.verdict} data-significant={f.significant}>
              <th scope="row">
                {f.label} ({f.unit})
              </th>
              <td>{formatNumber(f.meanA)}</td>
              <td>{formatNumber(f.meanB)}</td>
              <td className={`an-delta an-delta--${f.verdict}`}>
                {f.delta > 0 ? '+' : ''}
                {formatNumber(f.delta)}
                {pm(f.halfWidth)}
              </td>
              <td>{pm(f.unpairedHalfWidth).replace(/^ /, '') || '–'}</td>
              <td>{f.significant ? f.verdict : 'not significant'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
