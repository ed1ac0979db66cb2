/**
 * Replications, per region: each region's users' latency (mean, p99), request availability and
 * throughput as mean ± 95 % CI over the seeds (src/analysis/regionReplications.ts). Absent
 * without regions.
 */
import { REGION_REPLICATED } from '../../analysis/regionReplications.ts';
import type { ReplicationSummary } from '../../analysis/replications.ts';
import { reading } from '../analysis/ReplicatedNodeFigures.tsx';

export function ReplicatedRegionFigures({ summary }: { summary: ReplicationSummary }) {
  const rows = Object.entries(summary.regions).flatMap(([region, estimates]) =>
    REGION_REPLICATED.filter((f) => estimates[f.key] !== undefined).map((f) => ({
      region,
      f,
      e: estimates[f.key]!,
    })),
  );
  if (rows.length === 0) return null;
  return (
    <table className="an-table" aria-label="Replications per region">
      <thead>
        <tr>
          <th scope="col">Region</th>
          <th scope="col">Figure</th>
          <th scope="col">Mean</th>
          <th scope="col">± 95 % CI</th>
          <th scope="col">Seeds</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ region, f, e }) => {
          const nature = f.ratio ? 'ratio' : 'level';
          return (
            <tr key={`${region}/${f.key}`}>
              <th scope="row">{region}</th>
              <td title={f.help}>{f.label}</td>
              <td>{reading(e.mean, nature, f.unit)}</td>
              <td>± {Number.isFinite(e.halfWidth) ? reading(e.halfWidth, nature, f.unit) : '—'}</td>
              <td>{e.n}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
