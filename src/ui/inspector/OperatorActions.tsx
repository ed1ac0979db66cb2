/**
 * Operator actions on the selected node or edge while a run goes on (src/model/actions.ts):
 * drain a service replica, promote a database replica, open or close an edge's breaker. Each
 * becomes an action on the timeline at the run's clock.
 */
import { OPERATOR_OPS } from '../../model/actions.ts';
import type { OperatorOp, ScenarioEdge, ScenarioNode } from '../../model/types.ts';
import { useAppStore } from '../../store/index.ts';
import { useRunClient } from '../run/RunClientContext.ts';

function opsFor(target: ScenarioNode | ScenarioEdge, edges: readonly ScenarioEdge[]): OperatorOp[] {
  if (!('type' in target)) return target.circuitBreaker ? ['openBreaker', 'closeBreaker'] : [];
  const isReplica = edges.some((e) => e.kind === 'replication' && e.target === target.id);
  return (Object.keys(OPERATOR_OPS) as OperatorOp[]).filter((op) => {
    const d = OPERATOR_OPS[op];
    if (d.target !== 'node' || !d.nodeTypes?.includes(target.type)) return false;
    return op !== 'promote' || isReplica;
  });
}

export function OperatorActions({ target }: { target: ScenarioNode | ScenarioEdge }) {
  const edges = useAppStore((s) => s.doc.edges);
  const client = useRunClient();
  const ops = opsFor(target, edges);
  if (ops.length === 0) return null;
  return (
    <div className="inspector__actions" role="group" aria-label="Operator actions">
      {ops.map((op) => (
        <button
          key={op}
          type="button"
          className="btn btn--small"
          title={OPERATOR_OPS[op].help}
          onClick={() => void client.act({ target: target.id, op })}
        >
          {OPERATOR_OPS[op].label}
        </button>
      ))}
    </div>
  );
}
