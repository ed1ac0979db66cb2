/**
 * Each region's users beside an exact argument (src/engine/metrics/regionStats.ts measures them).
 *
 * Round trip: two regions whose users reach the same server, one of them without crossing a
 * region and the other across the matrix, wait the same at the server (the same queue, Poisson
 * arrivals see its time averages), so their mean latencies differ by exactly their paths' fixed
 * delays: 2 × each edge's mean latency, 2 × each one-way crossing, each balancer's overhead.
 *
 * Availability under `regionDown`: users whose entry (or global router's chosen backend) runs in
 * the region down fail while it is down, so with Poisson arrivals the share that succeeds is the
 * share of the counted time it was up; behind a global router with health checks and a backend
 * elsewhere they fail only until the checks take the region out (the detection time the router
 * measured, else its expectation (unhealthyAfter − ½) × interval + timeout); users with no node
 * of the region on their way lose nothing.
 */
import type { SimResult } from '../engine/types.ts';
import { latencyBetween, regionOf } from '../model/regions.ts';
import type { Fault, Scenario, ScenarioNode } from '../model/types.ts';
import { distMeanMs } from './queueing/general.ts';
import type { TheoryRow } from './theoryCompare.ts';

type Router = Extract<ScenarioNode, { type: 'loadBalancer' }>;

/** The theory table's name for a region's row (no node id has a space). */
export const regionRowId = (name: string) => `region ${name}`;

/** Where a client's requests are served: its entry, and through a global router its choice. */
interface Path {
  /** The node that serves them (the router's chosen backend, or the entry). */
  server: string;
  /** A global router with health checks in front, and its other backends. */
  router: Router | null;
  alternatives: string[];
  /** Mean fixed delay there and back: edges, crossings between regions, balancer overhead. */
  fixedMs: number;
  crossesRegions: boolean;
}

function isGlobalRouter(n: ScenarioNode | undefined): n is Router {
  return (
    n?.type === 'loadBalancer' &&
    (n.params.strategy === 'nearest' || n.params.strategy === 'failover')
  );
}

function pathOf(doc: Scenario, client: ScenarioNode): Path | null {
  const node = (id: string) => doc.nodes.find((n) => n.id === id)!;
  const calls = (id: string) => doc.edges.filter((e) => e.source === id && e.kind === 'call');
  const hop = (from: string, to: string, latencyMs: number) => {
    const a = regionOf(node(from), doc.regions)!;
    const b = regionOf(node(to), doc.regions)!;
    const cross = a === b ? 0 : distMeanMs(latencyBetween(doc.regions!, a, b)!);
    return { ms: 2 * (latencyMs + cross), crosses: a !== b };
  };
  const out = calls(client.id);
  if (out.length !== 1) return null;
  const entry = out[0]!;
  const first = hop(client.id, entry.target, distMeanMs(entry.latencyMs));
  const router = node(entry.target);
  if (!isGlobalRouter(router))
    return {
      server: entry.target,
      router: null,
      alternatives: [],
      fixedMs: first.ms,
      crossesRegions: first.crosses,
    };
  const backends = calls(router.id).map((e) => ({
    id: e.target,
    ...hop(router.id, e.target, distMeanMs(e.latencyMs)),
  }));
  if (backends.length === 0) return null;
  // failover: the first edge; nearest: the lowest edge + region latency (the first of equals).
  const chosen =
    router.params.strategy === 'failover'
      ? backends[0]!
      : backends.reduce((best, b) => (b.ms < best.ms ? b : best));
  return {
    server: chosen.id,
    router: router.params.healthCheck === undefined ? null : router,
    alternatives: backends.filter((b) => b !== chosen).map((b) => b.id),
    fixedMs: first.ms + chosen.ms + router.params.overheadMs,
    crossesRegions: first.crosses || chosen.crosses,
  };
}

/** The one path of every client of `region` (null: none, or they differ). */
function regionPath(doc: Scenario, region: string): Path | null {
  const clients = doc.nodes.filter(
    (n) => n.type === 'client' && regionOf(n, doc.regions) === region,
  );
  const paths = clients.map((c) => pathOf(doc, c));
  const first = paths[0];
  if (first === null || first === undefined) return null;
  const same = paths.every(
    (p) => p !== null && p.server === first.server && p.fixedMs === first.fixedMs,
  );
  return same ? first : null;
}

/** Seconds of [from, to) inside the counted run. */
function counted(doc: Scenario, result: SimResult, from: number, to: number): number {
  const end = result.truncated?.atS ?? result.durationS;
  return Math.max(0, Math.min(to, end) - Math.max(from, doc.warmupS));
}

/** Every node a client's requests may reach (calls only), the client left out. */
function reachable(doc: Scenario, from: string): Set<string> {
  const seen = new Set<string>();
  const next = [from];
  while (next.length > 0) {
    const id = next.pop()!;
    for (const e of doc.edges)
      if (e.source === id && e.kind === 'call' && !seen.has(e.target)) {
        seen.add(e.target);
        next.push(e.target);
      }
  }
  return seen;
}

function row(
  region: string,
  model: string,
  metric: TheoryRow['metric'],
  predicted: number,
  measured: number,
  note: string,
): TheoryRow {
  const relativeError =
    Math.abs(predicted) < 1e-9
      ? Math.abs(measured) < 1e-9
        ? 0
        : null
      : (measured - predicted) / Math.abs(predicted);
  return { nodeId: regionRowId(region), model, metric, predicted, measured, relativeError, note };
}

/** Availability rows: each region's users under the document's `regionDown` faults. */
function availabilityRows(doc: Scenario, result: SimResult, downs: Fault[]): TheoryRow[] {
  const rows: TheoryRow[] = [];
  const span = counted(doc, result, 0, Infinity);
  const regionOfId = (id: string) =>
    regionOf(
      doc.nodes.find((n) => n.id === id)!,
      doc.regions,
    ) ?? '';
  for (const { name } of doc.regions ?? []) {
    const measured = result.regions?.[name]?.availability;
    const path = regionPath(doc, name);
    if (measured === undefined || path === null || span <= 0) continue;
    let lostS = 0;
    let model = '';
    let note = '';
    for (const f of downs) {
      const downS = counted(doc, result, f.atS, f.forS === undefined ? Infinity : f.atS + f.forS);
      if (regionOfId(path.server) !== f.target) continue;
      const way = path.alternatives.find((id) => regionOfId(id) !== f.target);
      const router = path.router;
      if (router !== null && way !== undefined) {
        const hc = router.params.healthCheck!;
        const seen = result.nodes[router.id]?.detectionMs as { mean: number } | undefined;
        const expected = (hc.unhealthyAfter - 0.5) * hc.intervalMs + hc.timeoutMs;
        const detectMs = seen?.mean ?? expected;
        lostS += Math.min(downS, detectMs / 1000);
        model = 'region down, failover';
        note = `its users fail only until ${router.label || router.id}'s checks take ${f.target} out: ${Math.round(detectMs)} ms ${seen ? 'measured' : 'expected'} per outage (on average (unhealthyAfter − ½) × interval + timeout)`;
      } else {
        lostS += downS;
        model = 'region down, no failover';
        note = `its users are served in ${f.target} with nowhere else to go: they fail for the outage's share of the counted time`;
      }
    }
    if (model === '') {
      // Isolated: nothing the region's users reach runs in a region that goes down.
      const clients = doc.nodes.filter(
        (n) => n.type === 'client' && regionOf(n, doc.regions) === name,
      );
      const touched = clients.some((c) =>
        [...reachable(doc, c.id)].some(
          (id) =>
            !isGlobalRouter(doc.nodes.find((n) => n.id === id)) &&
            downs.some((f) => regionOfId(id) === f.target),
        ),
      );
      if (touched) continue;
      model = 'region down elsewhere';
      note = 'exact: no node its users reach runs in a region that goes down';
    }
    rows.push(row(name, model, 'request availability', 1 - lostS / span, measured, note));
  }
  return rows;
}

/** Round-trip rows: a region served across the matrix against one served at home. */
function roundTripRows(doc: Scenario, result: SimResult, downs: Fault[]): TheoryRow[] {
  const rows: TheoryRow[] = [];
  const names = (doc.regions ?? []).map((r) => r.name);
  const paths = new Map(names.map((n) => [n, regionPath(doc, n)]));
  for (const name of names) {
    const away = paths.get(name);
    if (away === null || away === undefined || !away.crossesRegions) continue;
    const server = doc.nodes.find((n) => n.id === away.server)!;
    const serverRegion = regionOf(server, doc.regions)!;
    // A region down on the server's side changes who serves whom for part of the run.
    if (downs.some((f) => f.target === serverRegion)) continue;
    const home = names.find((h) => {
      const p = paths.get(h);
      return (
        h !== name && p !== null && p !== undefined && p.server === away.server && !p.crossesRegions
      );
    });
    const mine = result.regions?.[name]?.latencyMs?.mean;
    const theirs = home === undefined ? undefined : result.regions?.[home]?.latencyMs?.mean;
    if (home === undefined || mine === undefined || theirs === undefined) continue;
    const predicted = away.fixedMs - paths.get(home)!.fixedMs;
    rows.push(
      row(
        name,
        `served from ${serverRegion}`,
        'mean latency over home (ms)',
        predicted,
        mine - theirs,
        `exact in expectation: ${name}'s users and ${home}'s wait alike at ${server.label || server.id}; ${name}'s cross the matrix there and back (2 × one way) on top of their edges`,
      ),
    );
  }
  return rows;
}

export function regionRows(doc: Scenario, result: SimResult): TheoryRow[] {
  if (doc.regions === undefined || doc.regions.length === 0 || result.regions === undefined)
    return [];
  // Other faults change the paths in ways these arguments do not follow.
  if (doc.faults.some((f) => f.kind !== 'regionDown')) return [];
  const downs = doc.faults.filter((f) => f.kind === 'regionDown');
  return [
    ...roundTripRows(doc, result, downs),
    ...(downs.length > 0 ? availabilityRows(doc, result, downs) : []),
  ];
}
