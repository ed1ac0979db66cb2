/** A node on the canvas: icon, label, key params, live load and health, and problem badge. */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { KIND_DESCRIPTIONS } from '../../model/kinds/index.ts';
import { liveNodeSummary } from './nodeSummary.ts';
import { liveClockOf } from '../inspector/liveCommit.ts';
import type { ArchFlowNode } from './flowTypes.ts';
import { LiveNodeOverlay } from './LiveNodeOverlay.tsx';
import { KindIcon } from '../icons/KindIcon.tsx';
import { FaultBadge } from '../faults/FaultBadge.tsx';
import { useAppStore } from '../../store/index.ts';
import { roleNote } from './roleNote.ts';
import { AfterFirstPaint } from '../lazy/AfterFirstPaint.tsx';
import { LazyNodeCostChip } from '../lazy/chunks.ts';

function ArchNodeView({ id, data, selected }: NodeProps<ArchFlowNode>) {
  const { node, problems, spof } = data;
  // A string (or undefined): the node re-renders only when its own role changes.
  const role = useAppStore((s) => roleNote(s.doc, id));
  // A string too: while a run goes on, the params as its actions have left them.
  const line = useAppStore((s) => liveNodeSummary(s.doc, node, liveClockOf(s)));
  return (
    <div
      className={`arch-node kind-${node.type}${selected ? ' is-selected' : ''}`}
      data-testid={`node-${id}`}
    >
      {KIND_DESCRIPTIONS[node.type].refusesCalls === undefined && (
        <Handle type="target" position={Position.Left} />
      )}
      <div className="arch-node__head">
        <span className="arch-node__icon" aria-hidden="true">
          <KindIcon type={node.type} size={15} />
        </span>
        <span className="arch-node__label">{node.label}</span>
        <FaultBadge targetId={id} />
        {spof !== undefined && (
          <span className="arch-node__spof" role="img" aria-label={spof} title={spof}>
            SPOF
          </span>
        )}
        {problems.length > 0 && (
          <span
            className="arch-node__problem"
            role="img"
            aria-label={problems.join(' ')}
            title={problems.join('\n')}
          >
            !
          </span>
        )}
      </div>
      {role !== undefined && <div className="arch-node__role">{role}</div>}
      <div className="arch-node__summary">
        <span className="arch-node__line">{line}</span>
        <AfterFirstPaint>
          <LazyNodeCostChip nodeId={id} />
        </AfterFirstPaint>
      </div>
      <LiveNodeOverlay node={node} />
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

export const ArchNode = memo(ArchNodeView);
