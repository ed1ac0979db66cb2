/** The inspector's line of what a node costs: per hour and per month, and how it is made up. */
import { useAppStore } from '../../store/index.ts';
import { chargeText, perHourText } from './costText.ts';
import { useNodeCost } from './useDesignCost.ts';
import './cost.css';

export default function NodeCost({ nodeId }: { nodeId: string }) {
  const line = useNodeCost(nodeId);
  const measured = useAppStore((s) => s.runResult !== null);
  // A client is the users: it costs nothing and says nothing.
  if (line === undefined || line.type === 'client') return null;
  return (
    <p
      className="node-cost"
      data-testid="node-cost"
      title={measured ? 'With the last run’s measured use' : 'From the design, before a run'}
    >
      <span className="node-cost__label">Cost</span> <strong>{perHourText(line.perHour)}</strong>
      <span className="node-cost__how">{chargeText(line)}</span>
    </p>
  );
}
