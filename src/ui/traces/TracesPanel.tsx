/**
 * The Traces view (a lazy chunk, opened from the charts): the run's sampled and tail-captured
 * requests, filtered by outcome, node (following the canvas selection) and latency, near a time
 * a chart click chose; one request's waterfall, or two side by side to compare; and where the
 * time goes across the sampled requests, naming the bottleneck.
 */
import { useState } from 'react';
import { metricsHub } from '../../store/metricsHub.ts';
import { useAppStore } from '../../store/index.ts';
import { formatSimTime } from '../run/format.ts';
import { formatMs } from './format.ts';
import { useLiveTraces } from './liveTraces.ts';
import {
  closestTo,
  nearestInTime,
  NEAR_S,
  NEAR_FACTOR,
  pickTraces,
  type TraceFilter,
} from './pickTraces.ts';
import { bandOf, measuredWindows } from './measuredBand.ts';
import { TimeBreakdown } from './TimeBreakdown.tsx';
import { Waterfall } from './Waterfall.tsx';

/** The list shows this many (the slowest first). */
const LISTED = 200;
/** With none about a clicked latency, this many of the closest to it. */
const CLOSEST = 10;

export default function TracesPanel() {
  const traces = useLiveTraces((s) => s.traces);
  const focus = useLiveTraces((s) => s.focus);
  const close = useLiveTraces((s) => s.close);
  const nodes = useAppStore((s) => s.doc.nodes);
  const selectedIds = useAppStore((s) => s.selectedIds);
  const run = useAppStore((s) => s.runResult);
  const nodeIds = metricsHub.layout?.nodeIds ?? nodes.map((n) => n.id);
  const labels = new Map(nodes.map((n) => [n.id, n.label ?? n.id]));
  const nodeName = (i: number): string => labels.get(nodeIds[i] ?? '') ?? nodeIds[i] ?? `node ${i}`;
  const selectedNode = nodeIds.findIndex((id) => selectedIds.includes(id));
  const focusNode = focus.nodeId === null ? -1 : nodeIds.indexOf(focus.nodeId);

  const [outcome, setOutcome] = useState<TraceFilter['outcome']>(
    focus.failedOnly ? 'failed' : 'all',
  );
  const [minMs, setMinMs] = useState(0);
  const [tS, setTS] = useState(focus.tS);
  const [pickedNode, setPickedNode] = useState<number | null>(focusNode >= 0 ? focusNode : null);
  // A latency read off a chart: end to end, or at the node whose chart it was.
  const [near, setNear] = useState(
    focus.nearMs === null ? undefined : { ms: focus.nearMs, node: focusNode },
  );
  const node = pickedNode ?? selectedNode;
  const [shown, setShown] = useState<number | null>(null);
  const [compared, setCompared] = useState<number | null>(null);

  const filter: TraceFilter = { outcome, node, minMs, tS, near };
  const about = pickTraces(traces, filter).slice(0, LISTED);
  // None about the clicked latency: the closest ones, said so; none near the clicked time
  // either: the nearest in time, said so.
  const closest = about.length === 0 && near !== undefined;
  const nearby = closest ? closestTo(traces, filter, near, CLOSEST) : about;
  const nearestTime = nearby.length === 0 && tS !== null;
  const listed = nearestTime ? nearestInTime(traces, filter, tS, CLOSEST) : nearby;
  // The client's measured percentiles: of the window each trace ended in, or of the run.
  const windows = measuredWindows(metricsHub.buffer);
  const byId = (id: number | null) => (id === null ? undefined : traces.find((t) => t.id === id));
  const a = byId(shown) ?? listed[0];
  const b = byId(compared);

  return (
    <aside className="traces" role="dialog" aria-label="Request traces">
      <header className="traces__head">
        <h2>Request traces</h2>
        <span className="traces__count">
          {traces.length} kept
          {run !== null &&
            run.requests.ok > 0 &&
            ` · measured p50 ${formatMs(run.latencyMs.p50 / 1000)}, p99 ${formatMs(run.latencyMs.p99 / 1000)}`}
        </span>
        <button type="button" onClick={close} aria-label="Close traces">
          ✕
        </button>
      </header>
      <div className="traces__filters">
        <label>
          Outcome{' '}
          <select
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as TraceFilter['outcome'])}
          >
            <option value="all">all</option>
            <option value="ok">OK</option>
            <option value="failed">failed</option>
          </select>
        </label>
        <label>
          Through node{' '}
          <select value={node} onChange={(e) => setPickedNode(Number(e.target.value))}>
            <option value={-1}>any</option>
            {nodeIds.map((id, i) => (
              <option key={id} value={i}>
                {nodeName(i)}
              </option>
            ))}
          </select>
        </label>
        <label>
          At least{' '}
          <input
            type="number"
            min={0}
            step={10}
            value={minMs}
            onChange={(e) => setMinMs(Math.max(0, Number(e.target.value) || 0))}
            aria-label="At least (ms)"
          />{' '}
          ms
        </label>
        {tS !== null && (
          <button type="button" onClick={() => setTS(null)}>
            Near t = {formatSimTime(tS)} ✕
          </button>
        )}
        {near !== undefined && (
          <button type="button" onClick={() => setNear(undefined)}>
            About {formatMs(near.ms / 1000)}
            {near.node >= 0 && ` at ${nodeName(near.node)}`}
            {focus.nearName !== null && ` (${focus.nearName})`} ✕
          </button>
        )}
      </div>
      <div className="traces__body">
        <ol className="traces__list" aria-label="Traces, slowest first">
          {listed.length === 0 && <li className="traces__note">No traces match yet.</li>}
          {nearestTime && listed.length > 0 && (
            <li className="traces__note">
              None kept ended within {NEAR_S} s of t = {formatSimTime(tS)}; the nearest in time:
            </li>
          )}
          {closest && !nearestTime && listed.length > 0 && (
            <li className="traces__note">
              None within × {NEAR_FACTOR} of {formatMs(near.ms / 1000)}; the closest:
            </li>
          )}
          {listed.map((t) => {
            const d = t.endS - t.startS;
            return (
              <li key={t.id} className={t === a ? 'is-shown' : t === b ? 'is-compared' : undefined}>
                <button
                  type="button"
                  onClick={() => setShown(t.id)}
                  aria-label={`Show request ${t.id}`}
                >
                  <b>{formatMs(d)}</b> {t.status === 0 ? 'OK' : 'failed'}{' '}
                  {bandOf(d, t.endS, windows, run)}
                  <small>
                    {' '}
                    t {formatSimTime(t.endS)} · {t.why === 'head' ? 'sampled' : t.why}
                  </small>
                </button>
                <button
                  type="button"
                  className="traces__compare"
                  aria-pressed={t === b}
                  onClick={() => setCompared(t === b ? null : t.id)}
                  aria-label={`Compare with request ${t.id}`}
                >
                  ⇆
                </button>
              </li>
            );
          })}
        </ol>
        <div className={`traces__falls${b ? ' is-two' : ''}`}>
          {a === undefined ? (
            <p className="traces__note">
              {traces.length > 0
                ? 'No trace matches these filters.'
                : 'Run the design: 1 % of requests, the slowest of each second and every failed one are traced.'}
            </p>
          ) : (
            <Waterfall trace={a} nodeName={nodeName} title={`Request ${a.id}`} />
          )}
          {b && <Waterfall trace={b} nodeName={nodeName} title={`Request ${b.id}`} />}
        </div>
      </div>
      <TimeBreakdown traces={traces} nodeName={nodeName} />
    </aside>
  );
}
