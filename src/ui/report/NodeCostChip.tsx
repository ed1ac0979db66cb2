/**
 * A node's cost on the canvas, short: "$0.30/h", the inspector's figure (useNodeCost) in the
 * units a glance wants; how it is made up in its title. Loaded after the first paint.
 */
import { chargeText, formatUsd } from './costText.ts';
import { useNodeCost } from './useDesignCost.ts';

export default function NodeCostChip({ nodeId }: { nodeId: string }) {
  const line = useNodeCost(nodeId);
  // A client is the users: it costs nothing and says nothing.
  if (line === undefined || line.type === 'client') return null;
  const perHour = `${formatUsd(line.perHour)}/h`;
  return (
    <span
      className="arch-node__cost"
      data-testid="node-chip-cost"
      title={`Cost ${perHour}: ${chargeText(line)}`}
    >
      {perHour}
    </span>
  );
}
