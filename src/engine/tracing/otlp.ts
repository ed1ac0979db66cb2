/**
 * Traces as OpenTelemetry OTLP JSON (the `ExportTraceServiceRequest` of
 * opentelemetry-proto, JSON mapping), which Jaeger and Grafana Tempo read. One resource per node
 * (`service.name` is the node's id), so the tools list the design's nodes as services.
 *
 * Per hop: the caller's CLIENT span (send to answer) with its network spans each way; the
 * callee's SERVER span (arrival to answer) with its queue, service and downstream (blocked)
 * spans; a `backoff` span before each retry. Spans on the critical path carry
 * `archsim.critical: true`. Simulated time t is written as t after the Unix epoch.
 */
import { ERROR_REASONS } from '../types.ts';
import { childrenOf, criticalPath, localSpan, type SegmentKind } from './criticalPath.ts';
import { HOP_CACHE_HIT, HOP_CACHE_MISS, HOP_FALLBACK, type Trace, type TraceHop } from './types.ts';

type AnyValue =
  { stringValue: string } | { intValue: string } | { boolValue: boolean } | { doubleValue: number };
export interface OtlpAttribute {
  key: string;
  value: AnyValue;
}
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpAttribute[];
  status?: { code: number; message?: string };
}
export interface OtlpDocument {
  resourceSpans: {
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: { scope: { name: string; version: string }; spans: OtlpSpan[] }[];
  }[];
}

/** What the export names: node and edge ids by index, and the run. */
export interface OtlpNames {
  scenario: string;
  seed: number;
  nodes: readonly string[];
  edges: readonly string[];
}

const KIND_INTERNAL = 1;
const KIND_SERVER = 2;
const KIND_CLIENT = 3;
const STATUS_ERROR = 2;

// Which span of a hop: the low half of its span id.
const CALL = 1;
const NET_OUT = 2;
const SERVER = 3;
const QUEUE = 4;
const SERVICE = 5;
const BLOCKED = 6;
const NET_BACK = 7;
const BACKOFF = 8;

const hex = (n: number, digits: number): string =>
  (n >>> 0).toString(16).padStart(digits, '0').slice(-digits);
const nanos = (s: number): string => String(Math.round(s * 1e9));
const str = (key: string, v: string): OtlpAttribute => ({ key, value: { stringValue: v } });
const int = (key: string, v: number): OtlpAttribute => ({ key, value: { intValue: String(v) } });
const bool = (key: string, v: boolean): OtlpAttribute => ({ key, value: { boolValue: v } });
const dbl = (key: string, v: number): OtlpAttribute => ({ key, value: { doubleValue: v } });

export const reasonName = (code: number): string =>
  code === 0 ? 'ok' : (ERROR_REASONS[code - 1] ?? `error ${code}`);

export function toOtlp(traces: readonly Trace[], names: OtlpNames): OtlpDocument {
  const byNode = new Map<number, OtlpSpan[]>();
  const add = (node: number, span: OtlpSpan): void => {
    const list = byNode.get(node) ?? [];
    list.push(span);
    byNode.set(node, list);
  };
  for (const t of traces) traceSpans(t, names, add);
  return {
    resourceSpans: [...byNode.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([node, spans]) => ({
        resource: {
          attributes: [
            str('service.name', names.nodes[node] ?? `node ${node}`),
            str('archsim.scenario', names.scenario),
            int('archsim.seed', names.seed),
          ],
        },
        scopeSpans: [{ scope: { name: 'archsim', version: '1' }, spans }],
      })),
  };
}

function traceSpans(t: Trace, names: OtlpNames, add: (node: number, s: OtlpSpan) => void): void {
  const traceId = `${hex(names.seed, 8)}00000001${hex(Math.floor(t.id / 2 ** 32), 8)}${hex(t.id, 8)}`;
  const id = (hop: number, part: number): string => `${hex(hop + 1, 8)}${hex(part, 8)}`;
  const kids = childrenOf(t);
  const critical = criticalPath(t);
  /** Critical-path time of `hop`'s segments of `kind` within [from, to], in ms. */
  const onPath = (hop: number, kind: SegmentKind, from: number, to: number): number => {
    let ms = 0;
    for (const s of critical) {
      if (s.hop === hop && s.kind === kind)
        ms += Math.max(0, Math.min(s.endS, to) - Math.max(s.startS, from)) * 1000;
    }
    return ms;
  };
  const criticalAttrs = (ms: number): OtlpAttribute[] =>
    ms > 0 ? [bool('archsim.critical', true), dbl('archsim.criticalMs', ms)] : [];
  const span = (
    hop: number,
    part: number,
    parentPart: [number, number] | null,
    name: string,
    kind: number,
    from: number,
    to: number,
    attributes: OtlpAttribute[],
  ): OtlpSpan => {
    const s: OtlpSpan = {
      traceId,
      spanId: id(hop, part),
      name,
      kind,
      startTimeUnixNano: nanos(from),
      endTimeUnixNano: nanos(Math.max(from, to)),
      attributes,
    };
    if (parentPart !== null) s.parentSpanId = id(parentPart[0], parentPart[1]);
    return s;
  };
  const phase = (
    node: number,
    hop: number,
    part: number,
    parent: [number, number],
    name: string,
    pathKind: SegmentKind,
    from: number,
    to: number,
  ): void => {
    if (!(to > from)) return;
    const attrs = criticalAttrs(onPath(hop, pathKind, from, to));
    add(node, span(hop, part, parent, name, KIND_INTERNAL, from, to, attrs));
  };

  t.hops.forEach((h, i) => {
    const nodeName = names.nodes[h.node] ?? `node ${h.node}`;
    const end = (x: number): number => (x >= 0 ? x : t.endS);
    if (i === 0) {
      const root = span(0, SERVER, null, `request ${nodeName}`, KIND_SERVER, t.startS, t.endS, [
        str('archsim.node', nodeName),
        str('archsim.outcome', reasonName(t.status)),
        str('archsim.sampled', t.why),
        bool('archsim.counted', t.counted),
        // The client's own moments on the path (none unless it waited between calls).
        ...criticalAttrs(
          (['queue', 'service', 'wait'] as const).reduce(
            (ms, k) => ms + onPath(0, k, t.startS, t.endS),
            0,
          ),
        ),
      ]);
      if (t.status !== 0) root.status = { code: STATUS_ERROR, message: reasonName(t.status) };
      add(h.node, root);
      return;
    }
    const caller = t.hops[h.parent]!;
    const callAttrs: OtlpAttribute[] = [
      str('archsim.edge', names.edges[h.edge] ?? `edge ${h.edge}`),
      int('archsim.attempt', h.attempt),
      str('archsim.outcome', reasonName(h.status)),
    ];
    if (h.backend >= 0) callAttrs.push(int('archsim.backend', h.backend));
    if ((h.flags & HOP_FALLBACK) !== 0) callAttrs.push(bool('archsim.fallback', true));
    const call = span(
      i,
      CALL,
      [h.parent, SERVER],
      `${h.attempt > 0 ? `retry ${h.attempt}: ` : ''}call ${nodeName}`,
      KIND_CLIENT,
      h.sendS,
      end(h.answerS),
      callAttrs,
    );
    if (h.status !== 0) call.status = { code: STATUS_ERROR, message: reasonName(h.status) };
    add(caller.node, call);
    const prev = previousAttempt(t, kids[h.parent]!, i);
    if (prev !== null) {
      phase(
        caller.node,
        i,
        BACKOFF,
        [h.parent, SERVER],
        'backoff',
        'backoff',
        prev.answerS,
        h.sendS,
      );
    }
    // Refused by the breaker, lost or partitioned on the way: the caller waited on the call.
    if (h.arriveS < 0)
      return void call.attributes.push(...criticalAttrs(onPath(i, 'wait', h.sendS, h.answerS)));
    phase(caller.node, i, NET_OUT, [i, CALL], 'network →', 'network', h.sendS, h.arriveS);
    const serverAttrs = [str('archsim.node', nodeName)];
    if (h.replica >= 0) serverAttrs.push(int('archsim.replica', h.replica));
    if ((h.flags & HOP_CACHE_HIT) !== 0) serverAttrs.push(str('archsim.cache', 'hit'));
    if ((h.flags & HOP_CACHE_MISS) !== 0) serverAttrs.push(str('archsim.cache', 'miss'));
    if (h.respondS < 0) serverAttrs.push(bool('archsim.unfinished', true));
    const respond = end(h.respondS);
    add(h.node, span(i, SERVER, [i, CALL], nodeName, KIND_SERVER, h.arriveS, respond, serverAttrs));
    const { workS, doneS } = localSpan(
      h,
      kids[i]!.map((k) => t.hops[k]!),
    );
    const done = Math.min(end(doneS), respond);
    phase(h.node, i, QUEUE, [i, SERVER], 'queue', 'queue', h.arriveS, Math.min(workS, respond));
    phase(h.node, i, SERVICE, [i, SERVER], 'service', 'service', workS, done);
    phase(h.node, i, BLOCKED, [i, SERVER], 'downstream', 'wait', done, respond);
    if (h.respondS >= 0 && h.answerS >= h.respondS) {
      phase(caller.node, i, NET_BACK, [i, CALL], 'network ←', 'network', h.respondS, h.answerS);
    }
  });
}

/** The attempt before hop i over the same edge from the same caller, if i is a retry. */
function previousAttempt(t: Trace, siblings: readonly number[], i: number): TraceHop | null {
  const h = t.hops[i]!;
  if (h.attempt === 0) return null;
  let prev: TraceHop | null = null;
  for (const k of siblings) {
    const s = t.hops[k]!;
    if (k < i && s.edge === h.edge && s.attempt === h.attempt - 1) prev = s;
  }
  return prev !== null && prev.answerS >= 0 ? prev : null;
}
