// The documents the browser specs open, and the share links that open them, built in one place
// (kept out of specs/, where every file is run as a spec).
import { deflateRawSync } from 'node:zlib';

/** The `s=` value of a share link that opens `doc`. */
export function shareFragment(doc) {
  return deflateRawSync(Buffer.from(JSON.stringify(doc), 'utf8')).toString('base64url');
}

/** The `#s=…` fragment that opens `doc`. */
export const shareLink = (doc) => `#s=${shareFragment(doc)}`;

function scenario(name, { seed = 1, durationS = 60, faults = [] }, nodes, edges) {
  return { version: 1, name, description: '', seed, durationS, warmupS: 0, nodes, edges, faults };
}

const users = (rps, y = 0) => ({
  id: 'users',
  type: 'client',
  label: 'Users',
  position: { x: 0, y },
  params: { arrival: { process: 'poisson', rps } },
});

/** A two-node document named `name`: Users calling one service, all defaults. */
export function smallDoc(name) {
  return {
    version: 1,
    name,
    nodes: [
      { id: 'c', type: 'client', label: 'Users', position: { x: 0, y: 0 }, params: {} },
      { id: 's', type: 'service', label: 'API', position: { x: 260, y: 0 }, params: {} },
    ],
    edges: [{ id: 'e', source: 'c', target: 's' }],
  };
}

/**
 * Users sending Poisson `rps` to one service "api" with `api` params. `seed`, `durationS` and
 * `faults` as in the format (seed 3, 60 s, none by default).
 */
export function usersCallingApi({ name, rps, api, seed = 3, durationS = 60, faults = [] }) {
  return scenario(
    name,
    { seed, durationS, faults },
    [
      users(rps),
      { id: 'api', type: 'service', label: 'API', position: { x: 260, y: 0 }, params: api },
    ],
    [{ id: 'e1', source: 'users', target: 'api', latencyMs: 1 }],
  );
}

/**
 * Users sending Poisson `rps` to a load balancer "lb" with `balancer` params, then `services`
 * services with `service` params, in chains of `chain` on a grid (each chain's first service
 * behind the balancer, the next behind it, and so on; a chain of 1 puts every service straight
 * behind the balancer). Service `k` of chain `c` is `s<c>_<k>`. Edges take `edgeLatencyMs`.
 */
export function servicesBehindBalancer({
  name,
  rps,
  services,
  service,
  chain = 7,
  balancer = {},
  edgeLatencyMs = 1,
  durationS = 100_000,
}) {
  const nodes = [
    users(rps, 600),
    { id: 'lb', type: 'loadBalancer', label: 'LB', position: { x: 260, y: 600 }, params: balancer },
  ];
  const edge = (source, target) => ({
    id: `e-${target}`,
    source,
    target,
    latencyMs: edgeLatencyMs,
  });
  const edges = [edge('users', 'lb')];
  for (let i = 0; i < services; i++) {
    const [c, k] = [Math.floor(i / chain), i % chain];
    const id = `s${c}_${k}`;
    nodes.push({
      id,
      type: 'service',
      label: `Service ${c}.${k}`,
      position: { x: 520 + k * 240, y: c * 90 },
      params: typeof service === 'function' ? service(i) : service,
    });
    edges.push(edge(k === 0 ? 'lb' : `s${c}_${k - 1}`, id));
  }
  return scenario(name, { durationS }, nodes, edges);
}

/** charts-cost's design: `services` services in chains of 7 at 400 rps, slower further down the
 *  list so the busiest few are clear. */
export const bigDesign = (services) =>
  servicesBehindBalancer({
    name: `${services + 2} nodes`,
    rps: 400,
    services,
    service: (i) => ({
      replicas: 1,
      workers: 2,
      serviceTimeMs: { dist: 'exponential', meanMs: 1 + i / 10 },
    }),
  });

/** smoothness's design: `size` nodes in all, services in chains of 7 at 200 rps. */
export const gridDesign = (size) =>
  servicesBehindBalancer({
    name: `${size} nodes`,
    rps: 200,
    services: size - 2,
    balancer: { strategy: 'roundRobin' },
    service: { replicas: 2, workers: 4, serviceTimeMs: { dist: 'exponential', meanMs: 2 } },
  });

/** issue #11's huge chain: `size` nodes in all, every service calling the next, at 200 rps. */
export const chainDesign = (size) =>
  servicesBehindBalancer({
    name: `chain of ${size} nodes`,
    rps: 200,
    services: size - 2,
    chain: size - 2,
    service: { replicas: 1, workers: 4, serviceTimeMs: { dist: 'exponential', meanMs: 1 } },
  });

/** issue #11's huge star: `size` nodes in all, one balancer in front of every service. */
export const starDesign = (size) =>
  servicesBehindBalancer({
    name: `star of ${size} nodes`,
    rps: 200,
    services: size - 2,
    chain: 1,
    balancer: { strategy: 'roundRobin' },
    service: { replicas: 1, workers: 4, serviceTimeMs: { dist: 'exponential', meanMs: 2 } },
  });

/**
 * issue #11's fan-out (as in tests/cli/runaway.test.ts): 5 levels of services, each calling the
 * next level over `width` parallel edges (width^4 leaf calls per request), which the engine stops
 * at its in-flight cap.
 */
export function fanOutDesign(width = 20, levels = 5) {
  const nodes = [users(200)];
  const edges = [{ id: 'c-s0', source: 'users', target: 's0' }];
  for (let l = 0; l < levels; l++) {
    nodes.push({
      id: `s${l}`,
      type: 'service',
      label: `Level ${l}`,
      position: { x: 260 * (l + 1), y: 0 },
      params: {
        workers: 1000,
        calls: 'parallel',
        blocking: false,
        serviceTimeMs: { dist: 'exponential', meanMs: 1 },
      },
    });
    if (l < levels - 1)
      for (let j = 0; j < width; j++)
        edges.push({ id: `s${l}-${j}`, source: `s${l}`, target: `s${l + 1}` });
  }
  return scenario(`fan-out ${width}×${levels}`, { durationS: 600 }, nodes, edges);
}
