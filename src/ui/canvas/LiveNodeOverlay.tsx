/**
 * Live figures on a node while a run goes on: a utilization bar, the node's rate, p99, replicas
 * up / total, cache hits, and a mark on the current bottleneck. Rendered once as an empty frame;
 * the figures are written into it by LiveLayer on each live tick (nodeChips.ts), never through
 * a React render.
 */
import { useLayoutEffect, useRef } from 'react';
import type { ScenarioNode } from '../../model/types.ts';
import { answersCalls, hasWorkers } from '../../model/kinds/index.ts';
import { paintNodeNow, registerOverlay } from './nodePainter.ts';

export function LiveNodeOverlay({ node }: { node: ScenarioNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(
    () => (ref.current === null ? undefined : registerOverlay(node.id, ref.current)),
    [node.id],
  );
  // A node drawn (or redrawn) between two ticks shows the current figures at once.
  useLayoutEffect(() => {
    if (ref.current !== null) paintNodeNow(ref.current, node);
  }, [node]);
  return (
    <div className="arch-node__live" data-live-node={node.id} ref={ref}>
      <div
        className="arch-node__bottleneck"
        title="The busiest node: the first to limit throughput"
      >
        Bottleneck
      </div>
      {hasWorkers(node.type) && (
        <div
          className="util-bar"
          role="meter"
          aria-label="Utilization"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={0}
        />
      )}
      <div className="arch-node__figures">
        <span data-chip="rate" title={answersCalls(node.type) ? 'Answered OK' : 'Requests sent'} />
        <span data-chip="p99" title="p99 latency at this node" />
        <span data-chip="up" title="Replicas up / total" />
        <span data-chip="hit" title="Cache hit ratio" />
      </div>
    </div>
  );
}
