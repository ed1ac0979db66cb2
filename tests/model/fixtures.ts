/** Documents used across the model tests, built from the contract's own examples. */

/** The top-level example of shared/SCENARIO.md, verbatim. */
export const CONTRACT_TOP_LEVEL = `{
  "version": 1,
  "name": "Read replicas under a primary failure",
  "description": "Markdown lesson text shown beside the canvas.",
  "seed": 42,
  "durationS": 300,
  "warmupS": 30,
  "nodes": [],
  "edges": [],
  "faults": []
}`;

/** A document using the contract's node, edge and fault examples. */
export function contractDocument(): Record<string, unknown> {
  return {
    version: 1,
    name: 'Contract examples',
    seed: 42,
    durationS: 300,
    warmupS: 30,
    nodes: [
      {
        id: 'users',
        type: 'client',
        label: 'Users',
        position: { x: 0, y: 0 },
        params: { arrival: { process: 'poisson', rps: 80 }, keys: { count: 10000, zipf: 0.9 } },
      },
      {
        id: 'lb',
        type: 'loadBalancer',
        label: 'LB',
        position: { x: 200, y: 0 },
        params: {
          strategy: 'leastConnections',
          healthCheck: { intervalMs: 1000, timeoutMs: 500, unhealthyAfter: 3, healthyAfter: 2 },
          outlierDetection: { consecutiveErrors: 5, ejectMs: 30000 },
        },
      },
      {
        id: 'api',
        type: 'service',
        label: 'API',
        position: { x: 400, y: 0 },
        params: {
          replicas: 3,
          workers: 8,
          serviceTimeMs: { dist: 'lognormal', meanMs: 10, cv: 1.5 },
          autoscale: { min: 1, max: 10, targetUtilization: 0.7, intervalS: 10, startupS: 20 },
        },
      },
      { id: 'cache', type: 'cache', label: 'Cache', position: { x: 600, y: 0 }, params: {} },
      { id: 'db', type: 'database', label: 'Primary', position: { x: 800, y: 0 }, params: {} },
      { id: 'replica', type: 'database', label: 'Replica', position: { x: 800, y: 200 } },
    ],
    edges: [
      { id: 'e0', source: 'users', target: 'lb' },
      {
        id: 'e1',
        source: 'lb',
        target: 'api',
        latencyMs: { dist: 'constant', ms: 1 },
        weight: 1,
        kind: 'call',
        timeoutMs: 500,
        retry: { max: 2, backoffMs: 50, multiplier: 2, jitter: true },
        circuitBreaker: { failureRatio: 0.5, minRequests: 20, openMs: 5000 },
      },
      { id: 'e2', source: 'api', target: 'cache', latencyMs: 0.5 },
      { id: 'e3', source: 'cache', target: 'db', latencyMs: { dist: 'exponential', meanMs: 2 } },
      { id: 'rep', source: 'db', target: 'replica', kind: 'replication', latencyMs: 50 },
    ],
    faults: [
      { atS: 120, forS: 60, kind: 'crash', target: 'api', replicas: 1 },
      { atS: 100, kind: 'slow', target: 'db', factor: 5 },
      { atS: 100, kind: 'partition', target: 'e3' },
      { atS: 100, kind: 'loss', target: 'e1', probability: 0.1 },
      { atS: 100, kind: 'latency', target: 'e2', addMs: 200 },
      { atS: 100, kind: 'flush', target: 'cache' },
      { atS: 100, kind: 'spike', target: 'users', multiplier: 5 },
      { atS: 100, kind: 'lag', target: 'rep', addMs: 2000 },
    ],
  };
}

/** The smallest useful document: one client calling one service. */
export function tinyDocument(): Record<string, unknown> {
  return {
    version: 1,
    nodes: [
      { id: 'c', type: 'client' },
      { id: 'api', type: 'service' },
    ],
    edges: [{ id: 'e1', source: 'c', target: 'api' }],
  };
}

/** A copy of `doc` with `value` set at a dot/bracket path like `nodes[1].params.workers`. */
export function withValue(doc: Record<string, unknown>, path: string, value: unknown) {
  const copy = structuredClone(doc);
  const parts = path.match(/[^.[\]]+/g) ?? [];
  let at: Record<string, unknown> = copy;
  for (const p of parts.slice(0, -1)) {
    at[p] ??= {};
    at = at[p] as Record<string, unknown>;
  }
  at[parts.at(-1)!] = value;
  return copy;
}
