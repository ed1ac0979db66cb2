/**
 * "Traces through this node", in a node's inspector once a run has kept traces: opens the
 * Traces view on the requests that reached the node.
 */
import { useLiveTraces } from './liveTraces.ts';

export function NodeTracesButton({ nodeId }: { nodeId: string }) {
  const any = useLiveTraces((s) => s.kept > 0);
  const show = useLiveTraces((s) => s.show);
  if (!any) return null;
  return (
    <div className="inspector__actions">
      <button type="button" className="btn btn--small" onClick={() => show({ nodeId })}>
        Traces through this node
      </button>
    </div>
  );
}
