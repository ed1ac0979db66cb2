/**
 * An edge on the canvas, with badges for its kind and its caller policies (timeout, retry,
 * circuit breaker). Its live look (stroke width and colour by traffic, the breaker's state) and
 * the moving traffic are written by the live layer (liveLayer.ts), not through React renders.
 */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { ArchFlowEdge } from './flowTypes.ts';
import { EdgeFaultBadge } from '../faults/FaultBadge.tsx';
import { edgeBadges } from './edgeBadges.ts';

function ArchEdgeView(props: EdgeProps<ArchFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected } =
    props;
  const edge = props.data?.edge;
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
  });
  const kind = edge?.kind ?? 'call';
  const className = ['arch-edge', `edge-${kind}`, selected ? 'is-selected' : ''].join(' ');
  const badges = edge === undefined ? [] : edgeBadges(edge);
  return (
    <>
      <BaseEdge id={id} path={path} className={className} markerEnd={props.markerEnd ?? ''} />
      {badges.length > 0 && (
        <EdgeLabelRenderer>
          <div
            className="edge-badges"
            style={{ transform: `translate(-50%, 3px) translate(${labelX}px, ${labelY}px)` }}
          >
            {badges.map((b) => (
              <span
                key={b.key}
                className={`edge-label edge-label--${b.key}`}
                title={b.title}
                {...(b.key === 'breaker'
                  ? { 'data-breaker-edge': id, 'data-state': 'closed' }
                  : {})}
              >
                {b.text}
              </span>
            ))}
          </div>
        </EdgeLabelRenderer>
      )}
      <EdgeFaultBadge id={id} x={labelX} y={labelY} />
    </>
  );
}

export const ArchEdge = memo(ArchEdgeView);
