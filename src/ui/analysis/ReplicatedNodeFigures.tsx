/**
 * Replications, per node: each figure a kind marks `replicated` (availability, nines, downtime
 * per month, incidents…), as mean ± 95 % CI over the seeds that reported it. Absent when no node
 * reported one.
 */
import type { ReplicationSummary } from '../../analysis/replications.ts';
import type { Estimate } from '../../analysis/stats.ts';
import { figuresOf } from '../../model/kinds/kindFigures.ts';
import type { Scenario } from '../../model/types.ts';
import { formatNumber } from '../run/format.ts';

/** A ratio reads in percent with three decimals: 99.990 % and 99.999 % must differ. */
export function reading(x: number, nature: string, unit: string): string {
  if (nature === 'ratio') return `${(x * 100).toFixed(3)} %`;
  return unit === '' ? formatNumber(x) : `${formatNumber(x)} ${unit}`;
}

/** One row of a replications table: whose figure (a node, a region), which, and its estimate. */
export interface ReplicatedRow {
  owner: string;
  key: string;
  label: string;
  help?: string | undefined;
  nature: string;
  unit: string;
  e: Estimate;
}

/** The replications table, shared by the per-node and the per-region ones. */
export function ReplicatedFiguresTable({
  name,
  ownerHeading,
  rows,
}: {
  name: string;
  ownerHeading: string;
  rows: readonly ReplicatedRow[];
}) {
  if (rows.length === 0) return null;
  return (
    <table className="an-table" aria-label={name}>
      <thead>
        <tr>
          <th scope="col">{ownerHeading}</th>
          <th scope="col">Figure</th>
          <th scope="col">Mean</th>
          <th scope="col">± 95 % CI</th>
          <th scope="col">Seeds</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ owner, key, label, help, nature, unit, e }) => (
          <tr key={`${owner}/${key}`}>
            <th scope="row">{owner}</th>
            <td title={help}>{label}</td>
            <td>{reading(e.mean, nature, unit)}</td>
            <td>± {Number.isFinite(e.halfWidth) ? reading(e.halfWidth, nature, unit) : '—'}</td>
            <td>{e.n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
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
      .map((f) => ({
        owner: n.label ?? n.id,
        key: f.key,
        label: f.label,
        help: f.help,
        nature: f.nature,
        unit: f.unit,
        e: estimates[f.key]!,
      }));
  });
  return <ReplicatedFiguresTable name="Replications per node" ownerHeading="Node" rows={rows} />;
}
