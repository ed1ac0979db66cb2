/**
 * An edge on the canvas. While a run goes on it shows its traffic: wider with more calls, amber
 * to red with errors, a moving dash while calls flow, and the breaker's state when it has one.
 *
 * The dash moves one step per live update (2.5 Hz) rather than through a CSS animation: an
 * endless stroke-dashoffset animation cannot run on the compositor, so it made the page repaint
 * every edge on every frame, which was most of the page's cost at Max speed.
 */
import { memo, useSyncExternalStore } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { useLiveEdgeStats } from '../run/liveStats.ts';
import { metricsHub } from '../../store/metricsHub.ts';
import type { ArchFlowEdge } from './flowTypes.ts';
import { EdgeFaultBadge } from '../faults/FaultBadge.tsx';

/** Dash length + gap (see .is-flowing in canvas.css) and the steps a period is crossed in. */
const DASH_PERIOD = 12;
const FLOW_STEPS = 3;

const reducedMotion =
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Which step of the marching dash to show: moves with the live signal, 0 when idle. */
function useFlowStep(flowing: boolean): number {
  return useSyncExternalStore(metricsHub.live.subscribe, () =>
    flowing && !reducedMotion ? metricsHub.live.getVersion() % FLOW_STEPS : 0,
  );
}

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
  const step = useFlowStep(calls > 0);
  const style: React.CSSProperties = live
    ? {
        strokeWidth: Math.min(8, 1.5 + Math.log10(1 + calls) * 1.5),
        stroke: errorColour(errorRate),
        strokeDashoffset: (-step * DASH_PERIOD) / FLOW_STEPS,
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
