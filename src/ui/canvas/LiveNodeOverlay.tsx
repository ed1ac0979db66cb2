/** Live figures on a node while a run goes on: a utilization bar and replicas up / total. */
import type { ScenarioNode } from '../../model/types.ts';
import { useLiveNodeStats } from '../run/liveStats.ts';

/** Kinds whose utilization means busy workers or connections; others have no such figure. */
const HAS_WORKERS = new Set(['service', 'database']);

const pct = (x: number): number => Math.max(0, Math.min(100, Math.round(x * 100)));

/** Green under 70 %, amber to 90 %, red above: where queues start to grow sharply. */
function loadClass(u: number): string {
  if (u >= 0.9) return 'is-hot';
  if (u >= 0.7) return 'is-warm';
  return 'is-cool';
}

export function LiveNodeOverlay({ node }: { node: ScenarioNode }) {
  const live = useLiveNodeStats(node.id);
  if (!live) return null;
  const total = live.replicas ?? (node.type === 'service' ? node.params.replicas : undefined);
  const up = live.healthyReplicas;
  const degraded = up !== undefined && total !== undefined && up < total;
  const u = live.utilization;
  return (
    <div className="arch-node__live">
      {HAS_WORKERS.has(node.type) && (
        <div
          className="util-bar"
          role="meter"
          aria-label="Utilization"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct(u)}
          title={`Utilization ${pct(u)} %`}
        >
          <div
            className={`util-bar__fill ${loadClass(u)}`}
            style={{ transform: `scaleX(${pct(u) / 100})` }}
          />
        </div>
      )}
      <div className="arch-node__figures">
        <span title="Throughput in the last window">{Math.round(live.throughputRps)} rps</span>
        {node.type !== 'client' && (
          <span title="p99 latency at this node">p99 {Math.round(live.p99Ms)} ms</span>
        )}
        {up !== undefined && total !== undefined && (
          <span className={degraded ? 'is-degraded' : ''} title="Replicas up / total">
            {up}/{total} up
          </span>
        )}
        {live.hitRatio !== undefined && (
          <span title="Cache hit ratio">hit {pct(live.hitRatio)} %</span>
        )}
      </div>
    </div>
  );
}
