/**
 * A bolt and the fault's kind ("crash", "slow") on a node or an edge while one of the document's faults is active on it at the
 * simulated clock (during a run, running or paused). The selector returns a string, so a node
 * re-renders only when its own badge changes.
 */
import { EdgeLabelRenderer } from '@xyflow/react';
import { useAppStore, type AppState } from '../../store/index.ts';
import { isActive } from './faultInfo.ts';
import { FaultIcon } from '../icons/FaultIcon.tsx';

export function activeFaultKinds(s: AppState, targetId: string): string {
  if (s.runStatus !== 'running' && s.runStatus !== 'paused') return '';
  const kinds = s.doc.faults
    .filter((f) => f.target === targetId && isActive(f, s.simNowS))
    .map((f) => f.kind);
  return [...new Set(kinds)].join(', ');
}

export function FaultBadge({ targetId, className = '' }: { targetId: string; className?: string }) {
  const kinds = useAppStore((s) => activeFaultKinds(s, targetId));
  if (kinds === '') return null;
  return (
    <span
      className={`fault-badge ${className}`}
      role="img"
      aria-label={`Fault active: ${kinds}`}
      title={kinds}
    >
      <FaultIcon />
      {kinds}
    </span>
  );
}

/** The badge beside an edge's middle, in React Flow's label layer, only while a fault is on. */
export function EdgeFaultBadge({ id, x, y }: { id: string; x: number; y: number }) {
  const active = useAppStore((s) => activeFaultKinds(s, id) !== '');
  if (!active) return null;
  return (
    <EdgeLabelRenderer>
      <div
        className="fault-badge--edge"
        style={{ transform: `translate(-50%, 60%) translate(${x}px, ${y}px)` }}
      >
        <FaultBadge targetId={id} />
      </div>
    </EdgeLabelRenderer>
  );
}
