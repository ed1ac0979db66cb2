/**
 * Two params swept: a table coloured by p99 against the SLO (green within, amber up to twice,
 * red beyond), the pass region outlined, the cheapest passing point starred. A table, so a
 * screen reader reads every cell with its row and column.
 */
import type { ParamSweepAnalysis } from '../../analysis/paramSweepAnalysis.ts';
import { formatDuration } from '../run/format.ts';
import { fmtMoney } from './format.ts';
import { passGoal } from './paramSweepView.ts';

function shade(p99: number, slo: number, errors: boolean): string {
  if (errors) return 'ps-cell--fail';
  if (p99 <= slo) return 'ps-cell--pass';
  return p99 <= slo * 2 ? 'ps-cell--near' : 'ps-cell--fail';
}

export function ParamHeatmap({ a }: { a: ParamSweepAnalysis }) {
  const [rows, cols] = a.axes as [ParamSweepAnalysis['axes'][0], ParamSweepAnalysis['axes'][0]];
  return (
    <figure className="an-chart" aria-label="p99 latency heatmap">
      <figcaption>
        p99 by {rows.label} (rows) and {cols.label} (columns); outlined: meets {passGoal(a)}; ★ the
        cheapest of them
      </figcaption>
      <div className="ps-heat-wrap">
        <table className="ps-heat" aria-label={`p99 by ${rows.label} and ${cols.label}`}>
          <thead>
            <tr>
              <th scope="col">
                {rows.path.split('.').at(-1)} \ {cols.path.split('.').at(-1)}
              </th>
              {cols.values.map((v) => (
                <th key={v} scope="col">
                  {v}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.values.map((rv, i) => (
              <tr key={rv}>
                <th scope="row">{rv}</th>
                {cols.values.map((cv, j) => {
                  const p = a.points[i * cols.values.length + j]!;
                  const best = a.best === p;
                  return (
                    <td
                      key={cv}
                      className={`ps-cell ${shade(p.p99Ms, a.sloP99Ms, p.errorRate > a.maxErrorRate)}${p.meetsSlo ? ' ps-cell--in' : ''}`}
                      title={`${rows.label} = ${rv}, ${cols.label} = ${cv}: p99 ${formatDuration(p.p99Ms)}, errors ${(p.errorRate * 100).toFixed(2)} %, ${fmtMoney(p.costPerHour)}/h${p.objectivesMissed.length ? `; missed: ${p.objectivesMissed.join(', ')}` : ''}`}
                    >
                      {best ? '★ ' : ''}
                      {formatDuration(p.p99Ms)}
                      <span className="ps-cell__cost">{fmtMoney(p.costPerHour)}/h</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
