/**
 * `sim FILE --traces OUT.json` writes OpenTelemetry OTLP JSON: checked against the shape of
 * opentelemetry-proto's ExportTraceServiceRequest in its JSON mapping (hex ids of 32 and 16
 * digits, nanoseconds as decimal strings, typed attribute values), and for what it says:
 * every parent exists in its trace, children lie inside their parents, and the root span is the
 * request's measured latency.
 */
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../../../src/cli/sim.ts';
import { preset } from './helpers.ts';

const anyValue = z.union([
  z.strictObject({ stringValue: z.string() }),
  z.strictObject({ intValue: z.string().regex(/^-?\d+$/) }),
  z.strictObject({ boolValue: z.boolean() }),
  z.strictObject({ doubleValue: z.number() }),
]);
const attributes = z.array(z.strictObject({ key: z.string().min(1), value: anyValue }));
const nanos = z.string().regex(/^\d+$/);
const spanSchema = z.strictObject({
  traceId: z.string().regex(/^[0-9a-f]{32}$/),
  spanId: z.string().regex(/^[0-9a-f]{16}$/),
  parentSpanId: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .optional(),
  name: z.string().min(1),
  kind: z.number().int().min(0).max(5),
  startTimeUnixNano: nanos,
  endTimeUnixNano: nanos,
  attributes,
  status: z
    .strictObject({ code: z.number().int().min(0).max(2), message: z.string().optional() })
    .optional(),
});
const otlpSchema = z.strictObject({
  resourceSpans: z.array(
    z.strictObject({
      resource: z.strictObject({ attributes }),
      scopeSpans: z.array(
        z.strictObject({
          scope: z.strictObject({ name: z.string(), version: z.string() }),
          spans: z.array(spanSchema),
        }),
      ),
    }),
  ),
});
type Span = z.infer<typeof spanSchema>;

function runWithTraces(doc: object): { code: number; file: string; err: string } {
  let file = '';
  const err: string[] = [];
  const io: Io = {
    out: () => {},
    err: (t) => err.push(t),
    readFile: () => JSON.stringify(doc),
    writeFile: (path, text) => {
      expect(path).toBe('out.json');
      file = text;
    },
  };
  return {
    code: main(['doc.json', '--traces', 'out.json', '--duration', '90'], io),
    file,
    err: err.join('\n'),
  };
}

describe('sim --traces', () => {
  const doc = {
    ...preset('retry-storm'),
    tracing: { sampleRate: 0.02, slowestPerWindow: 2, failed: true, maxTraces: 400 },
  };
  const { code, file, err } = runWithTraces(doc);
  const otlp = otlpSchema.parse(JSON.parse(file));
  const spans = otlp.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
  const byTrace = new Map<string, Span[]>();
  for (const s of spans) byTrace.set(s.traceId, [...(byTrace.get(s.traceId) ?? []), s]);

  it('writes the OTLP JSON shape, one resource per node, and says what it wrote', () => {
    expect(code).toBe(0);
    const services = otlp.resourceSpans.map(
      (r) => r.resource.attributes.find((a) => a.key === 'service.name')!.value,
    );
    expect(services).toEqual([
      { stringValue: 'users' },
      { stringValue: 'api' },
      { stringValue: 'inventory' },
    ]);
    expect(byTrace.size).toBe(400); // the retry storm fails thousands: capped at maxTraces
    expect(err).toMatch(
      /wrote 400 traces to out\.json \(\d+ sampled, \d+ slowest, \d+ failed\); \d+ more/,
    );
  });

  it('every trace has one root, parents exist, ids are unique, children lie inside parents', () => {
    for (const list of byTrace.values()) {
      const ids = new Map(list.map((s) => [s.spanId, s]));
      expect(ids.size).toBe(list.length);
      expect(list.filter((s) => s.parentSpanId === undefined)).toHaveLength(1);
      for (const s of list) {
        expect(BigInt(s.endTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(s.startTimeUnixNano));
        if (s.parentSpanId === undefined) continue;
        const p = ids.get(s.parentSpanId);
        expect(p).toBeDefined();
        // A callee may go on after its caller gave up (a timeout): only the start is bounded.
        expect(BigInt(s.startTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(p!.startTimeUnixNano));
      }
    }
  });

  it('names retries, timeouts and backoffs, and marks the critical path', () => {
    const names = new Set(spans.map((s) => s.name));
    expect(names).toContain('retry 1: call inventory');
    expect(names).toContain('backoff');
    expect(spans.some((s) => s.status?.message === 'timeout')).toBe(true);
    const critical = spans.filter((s) => s.attributes.some((a) => a.key === 'archsim.critical'));
    expect(critical.length).toBeGreaterThan(0);
    // Per trace, the critical parts add up to the root span: the request's latency.
    for (const list of byTrace.values()) {
      const root = list.find((s) => s.parentSpanId === undefined)!;
      const rootMs = Number(BigInt(root.endTimeUnixNano) - BigInt(root.startTimeUnixNano)) / 1e6;
      let ms = 0;
      for (const s of list) {
        const a = s.attributes.find((x) => x.key === 'archsim.criticalMs');
        if (a !== undefined && 'doubleValue' in a.value) ms += a.value.doubleValue;
      }
      // Nanosecond rounding of the two root timestamps: at most 1e-6 ms.
      expect(Math.abs(ms - rootMs)).toBeLessThan(1e-5);
    }
  });
});
