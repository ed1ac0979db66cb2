/**
 * Where the time goes across the sampled requests: per node, the mean time per request it
 * holds on the critical path, split into queue, service and network (of the calls into it),
 * and the node with the most queue + service named as the bottleneck. Head-sampled traces only
 * (tail capture picks the slow and failed ones, which would skew the averages).
 */
import { breakdown } from '../../engine/tracing/breakdown.ts';
import type { Trace } from '../../engine/tracing/types.ts';
import { formatMs } from './format.ts';

export function TimeBreakdown({
  traces,
  nodeName,
}: {
  traces: readonly Trace[];
  nodeName: (node: number) => string;
}) {
  const sample = traces.filter((t) => t.why === 'head');
  if (sample.length === 0)
    return <p className="traces__note">No sampled requests yet: the breakdown needs some.</p>;
  const b = breakdown(sample);
  const n = b.traces;
  const rows = [...b.critical.entries()]
    .map(([node, c]) => ({ node, ...c, own: c.queueS + c.serviceS }))
    .filter((r) => r.own + r.networkS + r.backoffS + r.waitS > 0)
    .sort((a, b) => b.own - a.own);
  return (
    <section className="traces__breakdown" aria-label="Where the time goes">
      <h3>
        Where the time goes ({n} sampled requests, mean {formatMs(b.totalS / n)})
      </h3>
      {b.bottleneck >= 0 && (
        <p className="traces__bottleneck">
          Bottleneck: <b>{nodeName(b.bottleneck)}</b>, whose queue and service hold{' '}
          {Math.round(
            ((b.critical.get(b.bottleneck)!.queueS + b.critical.get(b.bottleneck)!.serviceS) /
              b.totalS) *
              100,
          )}{' '}
          % of the requests' time.
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">node</th>
            <th scope="col">queue</th>
            <th scope="col">service</th>
            <th scope="col">network in</th>
            <th scope="col">backoff, waits</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.node} className={r.node === b.bottleneck ? 'is-bottleneck' : undefined}>
              <th scope="row">{nodeName(r.node)}</th>
              <td>{formatMs(r.queueS / n)}</td>
              <td>{formatMs(r.serviceS / n)}</td>
              <td>{formatMs(r.networkS / n)}</td>
              <td>{formatMs((r.backoffS + r.waitS) / n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="traces__note">
        Mean per request on the critical path: what the answer waited on.
      </p>
    </section>
  );
}
