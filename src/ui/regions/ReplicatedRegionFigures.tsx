/**
 * Replications, per region: each region's users' latency (mean, p99), request availability and
 * throughput as mean ± 95 % CI over the seeds (src/analysis/regionReplications.ts). Absent
 * without regions.
 */
import { REGION_REPLICATED } from '../../analysis/regionReplications.ts';
import type { ReplicationSummary } from '../../analysis/replications.ts';
import { ReplicatedFiguresTable } from '../analysis/ReplicatedNodeFigures.tsx';

export function ReplicatedRegionFigures({ summary }: { summary: ReplicationSummary }) {
  const rows = Object.entries(summary.regions).flatMap(([region, estimates]) =>
    REGION_REPLICATED.filter((f) => estimates[f.key] !== undefined).map((f) => ({
      owner: region,
      key: f.key,
      label: f.label,
      help: f.help,
      nature: f.ratio ? 'ratio' : 'level',
      unit: f.unit,
      e: estimates[f.key]!,
    })),
  );
  return (
    <ReplicatedFiguresTable name="Replications per region" ownerHeading="Region" rows={rows} />
  );
}
