/** The run report's cost table: each priced node's charge, and the design's total. */
import { KIND_DESCRIPTIONS } from '../../model/kinds/index.ts';
import type { NodeType } from '../../model/types.ts';
import { useAppStore } from '../../store/index.ts';
import { chargeText, formatUsd, perHourText, totalText } from './costText.ts';
import { useDesignCost } from './useDesignCost.ts';
import './cost.css';

export function ReportCost() {
  const cost = useDesignCost();
  const nodes = useAppStore((s) => s.doc.nodes);
  const label = (id: string) => nodes.find((n) => n.id === id)?.label ?? id;
  const lines = cost.lines.filter((l) => l.type !== 'client');
  if (lines.length === 0) return null;
  return (
    <section className="rr-section" aria-labelledby="rr-cost">
      <h3 id="rr-cost">Cost</h3>
      <div className="rr-scroll">
        <table className="rr-table rr-cost" aria-labelledby="rr-cost">
          <thead>
            <tr>
              <th scope="col">Node</th>
              <th scope="col">Billed as</th>
              <th scope="col">$ per hour</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.nodeId} data-node={l.nodeId}>
                <td>
                  {label(l.nodeId)}{' '}
                  <span className="node-cost__label">
                    {KIND_DESCRIPTIONS[l.type as NodeType].label.toLowerCase()}
                  </span>
                </td>
                <td>{chargeText(l)}</td>
                <td>{formatUsd(l.perHour)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td colSpan={2} data-testid="cost-total">
                {totalText(cost)}
              </td>
            </tr>
            {cost.standby !== null && cost.standby.nodeIds.length > 0 && (
              <tr>
                <th scope="row">Standby</th>
                <td>{cost.standby.nodeIds.map(label).join(', ')}: served nothing this run</td>
                <td data-testid="cost-standby">{perHourText(cost.standby.perHour)}</td>
              </tr>
            )}
            {cost.byRegion?.map((r) => (
              <tr key={r.region} data-region={r.region}>
                <th scope="row">Region {r.region}</th>
                <td />
                <td>{perHourText(r.perHour)}</td>
              </tr>
            ))}
          </tfoot>
        </table>
      </div>
    </section>
  );
}
