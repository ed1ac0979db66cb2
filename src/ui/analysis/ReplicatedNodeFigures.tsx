/**
 * Replications, per node: each figure a kind marks `replicated` (availability, nines, downtime
 * per month, incidents…), as mean ± 95 % CI over the seeds that reported it. Absent when no node
 * reported one.
 */
import type { ReplicationSummary } from '../../analysis/replications.ts';
import { figuresOf } from '../../model/kinds/kindFigures.ts';
import type { Scenario } from '../../model/types.ts';
import { formatNumber } from '../run/format.ts';

/** A ratio reads in percent with three decimals: 99.990 % and 99.999 % must differ. */
export function reading(x: number, nature: string, unit: string): string {
  if (nature === 'ratio') return `${(x * 100).toFixed(3)} %`;
  return unit === '' ? formatNumber(x) : `${formatNumber(x)} ${unit}`;
}

export function ReplicatedNodeFigures({
  summary,
  doc,
}: {
  summary: ReplicationSummary;
  doc: Scenario;
}) {
  const rows = doc.nodes.flatMap((n) => {
    const estimates = summary.nodes[n.id]?.figures ?? {};
    return figuresOf(n.type)
      .filter((f) => estimates[f.key] !== undefined)
      .map((f) => ({ node: n.label ?? n.id, f, e: estimates[f.key]! }));
  });
  if (rows.length === 0) return null;
  return (
    <table className="an-table" aria-label="Replications per node">
      <thead>
        <tr>
          <th scope="col">Node</th>
          <th scope="col">Figure</th>
          <th scope="col">Mean</th>
          <th scope="col">± 95 % CI</th>
          <th scope="col">Seeds</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ node, f, e }) => (
          <tr key={`${node}/${f.key}`}>
            <th scope="row">{node}</th>
            <td title={f.help}>{f.label}</td>
            <td>{reading(e.mean, f.nature, f.unit)}</td>
            <td>± {Number.isFinite(e.halfWidth) ? reading(e.halfWidth, f.nature, f.unit) : '—'}</td>
            <td>{e.n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
