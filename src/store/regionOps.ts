/**
 * Edits of the document's regions, as pure functions of the document (the store commits the
 * result through the model, which refuses anything inconsistent with a message naming the field).
 * Renaming or removing a region carries its nodes and its latencies along, so an edit never
 * leaves a node in a region that no longer exists.
 */
import type { Region } from '../model/regions.ts';
import type { Dist, Scenario, ScenarioNode } from '../model/types.ts';

/** The latency a new region starts with to every other: a continent apart, roughly. */
export const NEW_REGION_LATENCY_MS = 50;

function withPlace(n: ScenarioNode, region: string | undefined, zone: string | undefined) {
  const { region: _r, zone: _z, ...rest } = n;
  return {
    ...rest,
    ...(region === undefined ? {} : { region }),
    ...(zone === undefined ? {} : { zone }),
  } as ScenarioNode;
}

/** Puts node `id` in `region` (undefined: the first) and `zone` (undefined: none). */
export function placeNode(
  doc: Scenario,
  id: string,
  region: string | undefined,
  zone: string | undefined,
): Scenario {
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === id ? withPlace(n, region, zone) : n)) };
}

/** A name not yet taken: region-2, region-3, … */
function freshName(regions: readonly Region[]): string {
  for (let i = regions.length + 1; ; i++) {
    const name = `region-${i}`;
    if (!regions.some((r) => r.name === name)) return name;
  }
}

/** Adds a region, with the default latency to every other region. */
export function addRegion(doc: Scenario): Scenario {
  const regions = doc.regions ?? [];
  const name = freshName(regions);
  const latencyMs = Object.fromEntries(
    regions.map((r) => [r.name, { dist: 'constant', ms: NEW_REGION_LATENCY_MS } as Dist]),
  );
  const added: Region = regions.length === 0 ? { name } : { name, latencyMs };
  return { ...doc, regions: [...regions, added] };
}

/** Renames region `from` to `to`, in its nodes, its faults and every latency naming it. */
export function renameRegion(doc: Scenario, from: string, to: string): Scenario {
  const swap = (name: string) => (name === from ? to : name);
  const regions = (doc.regions ?? []).map((r) => {
    const out: Region = { ...r, name: swap(r.name) };
    if (r.latencyMs) {
      out.latencyMs = Object.fromEntries(Object.entries(r.latencyMs).map(([k, v]) => [swap(k), v]));
    }
    return out;
  });
  return {
    ...doc,
    regions,
    nodes: doc.nodes.map((n) => (n.region === from ? { ...n, region: to } : n)),
    faults: doc.faults.map((f) =>
      (f.kind === 'regionDown' || f.kind === 'regionPartition') && f.target === from
        ? { ...f, target: to }
        : f,
    ),
  };
}

/** Removes a region: its nodes move to the first remaining region, its faults go; with no
 *  region left, the document is back to one implicit region. */
export function removeRegion(doc: Scenario, name: string): Scenario {
  const rest = (doc.regions ?? []).filter((r) => r.name !== name);
  const regions = rest.map((r) => {
    if (!r.latencyMs || !(name in r.latencyMs)) return r;
    const { [name]: _gone, ...latencyMs } = r.latencyMs;
    return { ...r, latencyMs };
  });
  const { regions: _old, ...others } = doc;
  return {
    ...others,
    ...(regions.length === 0 ? {} : { regions }),
    nodes: doc.nodes.map((n) => {
      const region = n.region === name ? undefined : n.region;
      // A node without a region is in the first one left: keep its zone only if named there.
      const zones = regions.find((r) => r.name === (region ?? regions[0]?.name))?.zones ?? [];
      const zone = n.zone !== undefined && zones.includes(n.zone) ? n.zone : undefined;
      return region === n.region && zone === n.zone ? n : withPlace(n, region, zone);
    }),
    faults: doc.faults.filter(
      (f) => !((f.kind === 'regionDown' || f.kind === 'regionPartition') && f.target === name),
    ),
  };
}

/** Sets the one-way latency between two regions (kept in whichever region already holds it). */
export function setLatency(doc: Scenario, a: string, b: string, ms: number): Scenario {
  const regions = doc.regions ?? [];
  const holder = regions.find((r) => r.name === b && r.latencyMs?.[a] !== undefined) ? b : a;
  const other = holder === a ? b : a;
  return {
    ...doc,
    regions: regions.map((r) =>
      r.name === holder
        ? { ...r, latencyMs: { ...r.latencyMs, [other]: { dist: 'constant', ms } } }
        : r,
    ),
  };
}

/** Sets a region's zones; nodes in a zone no longer named leave it. */
export function setZones(doc: Scenario, name: string, zones: string[]): Scenario {
  const regions = (doc.regions ?? []).map((r) => {
    if (r.name !== name) return r;
    const { zones: _old, ...rest } = r;
    return zones.length === 0 ? rest : { ...rest, zones };
  });
  const first = regions[0]?.name;
  return {
    ...doc,
    regions,
    nodes: doc.nodes.map((n) =>
      (n.region ?? first) === name && n.zone !== undefined && !zones.includes(n.zone)
        ? withPlace(n, n.region, undefined)
        : n,
    ),
  };
}
