/**
 * An edge on the canvas. While a run goes on it shows its traffic: wider with more calls, amber
 * to red with errors, a moving dash while calls flow, and the breaker's state when it has one.
 */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { useLiveEdgeStats } from '../run/liveStats.ts';
import type { ArchFlowEdge } from './flowTypes.ts';
import { EdgeFaultBadge } from '../faults/FaultBadge.tsx';

function errorColour(rate: number): string {
  if (rate >= 0.2) return 'var(--danger)';
  if (rate >= 0.01) return 'var(--warn)';
  return 'var(--edge-live)';
}

function ArchEdgeView(props: EdgeProps<ArchFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected } =
    props;
  const edge = props.data?.edge;
  const live = useLiveEdgeStats(id);
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
  });
  const calls = live?.calls ?? 0;
  const errorRate = calls > 0 ? (live?.failed ?? 0) / calls : 0;
  const style: React.CSSProperties = live
    ? {
        strokeWidth: Math.min(8, 1.5 + Math.log10(1 + calls) * 1.5),
        stroke: errorColour(errorRate),
      }
    : {};
  const kind = edge?.kind ?? 'call';
  const className = [
    'arch-edge',
    `edge-${kind}`,
    calls > 0 ? 'is-flowing' : '',
    selected ? 'is-selected' : '',
  ].join(' ');
  const breaker = live?.breaker;
  const showLabel = kind !== 'call' || (breaker !== undefined && breaker !== 'closed');
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={className}
        style={style}
        markerEnd={props.markerEnd ?? ''}
      />
      {showLabel && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label ${breaker ? `breaker-${breaker}` : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {breaker && breaker !== 'closed'
              ? `breaker ${breaker === 'open' ? 'open' : 'half-open'}`
              : kind}
          </div>
        </EdgeLabelRenderer>
      )}
      <EdgeFaultBadge id={id} x={labelX} y={labelY} />
    </>
  );
}

export const ArchEdge = memo(ArchEdgeView);
