/**
 * One trace's waterfall: a row per call, indented under its caller, with its parts as bars on
 * the trace's time line (network, queue, service, downstream, backoff) and the critical path
 * outlined. Bars are positioned in per cent of the trace, so it fits any width.
 */
import type { Trace } from '../../engine/tracing/types.ts';
import { formatMs } from './format.ts';
import { waterfallRows, type PartKind } from './traceRows.ts';

export const PART_NAMES: Record<PartKind, string> = {
  network: 'network',
  queue: 'queue',
  service: 'service',
  downstream: 'waiting on calls',
  backoff: 'backoff',
  wait: 'waiting (no answer)',
};

export function Waterfall({
  trace,
  nodeName,
  title,
}: {
  trace: Trace;
  nodeName: (node: number) => string;
  title: string;
}) {
  const rows = waterfallRows(trace, nodeName);
  const total = Math.max(trace.endS - trace.startS, 1e-9);
  const pct = (s: number): string => `${(((s - trace.startS) / total) * 100).toFixed(3)}%`;
  const width = (a: number, b: number): string => `${(((b - a) / total) * 100).toFixed(3)}%`;
  return (
    <figure className="waterfall" aria-label={title}>
      <figcaption className="waterfall__title">
        {title}: {formatMs(total)} {trace.status === 0 ? 'OK' : 'failed'}{' '}
        <span className="waterfall__why">({WHY[trace.why]})</span>
      </figcaption>
      <ol className="waterfall__rows">
        {rows.map((r) => (
          <li key={r.hop} className={`waterfall__row${r.failed ? ' is-failed' : ''}`}>
            <span
              className="waterfall__label"
              style={{ paddingLeft: `${r.depth * 12}px` }}
              title={[r.label, ...r.notes].join(' · ')}
            >
              {r.label}
              {r.notes.length > 0 && <small> · {r.notes.join(' · ')}</small>}
            </span>
            <span
              className="waterfall__track"
              aria-label={`${r.label}: ${formatMs(r.endS - r.startS)}${r.parts
                .map((p) => `, ${PART_NAMES[p.kind]} ${formatMs(p.endS - p.startS)}`)
                .join('')}`}
            >
              <span
                className="waterfall__span"
                style={{ left: pct(r.startS), width: width(r.startS, r.endS) }}
              />
              {r.parts.map((p, i) => (
                <span
                  key={i}
                  className={`waterfall__part is-${p.kind}${p.criticalS > 0 ? ' is-critical' : ''}`}
                  style={{ left: pct(p.startS), width: width(p.startS, p.endS) }}
                  title={`${PART_NAMES[p.kind]} ${formatMs(p.endS - p.startS)}${p.criticalS > 0 ? ' (critical path)' : ''}`}
                />
              ))}
            </span>
            <span className="waterfall__ms">{formatMs(r.endS - r.startS)}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}

const WHY = { head: 'sampled', slow: 'among the slowest of its second', failed: 'failed' } as const;
