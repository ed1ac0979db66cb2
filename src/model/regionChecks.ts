/** Checks across the document's regions and the nodes placed in them (src/model/regions.ts). */
import { closest } from './closest.ts';
import type { CheckError } from './graphChecks.ts';
import { formatPath } from './issues.ts';
import { latencyBetween } from './regions.ts';
import type { Scenario } from './types.ts';

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');
const suggestion = (name: string, names: readonly string[]) => {
  const near = closest(name, names);
  return near === undefined ? '' : `; did you mean "${near}"?`;
};

export function checkRegions(s: Scenario): CheckError | null {
  const regions = s.regions ?? [];
  const names = regions.map((r) => r.name);
  const twin = names.findIndex((n, i) => names.indexOf(n) !== i);
  if (twin >= 0) {
    const name = names[twin]!;
    return {
      path: `regions[${twin}].name`,
      message: `duplicate region "${name}" (already regions[${names.indexOf(name)}])`,
    };
  }
  for (const [i, r] of regions.entries()) {
    const p = `regions[${i}]`;
    const zones = r.zones ?? [];
    const twice = zones.find((z, j) => zones.indexOf(z) !== j);
    if (twice !== undefined) {
      return { path: `${p}.zones`, message: `duplicate zone "${twice}" in region "${r.name}"` };
    }
    for (const to of Object.keys(r.latencyMs ?? {})) {
      if (to === r.name) {
        return {
          path: formatPath(['regions', i, 'latencyMs', to]),
          message: `a region has no latency to itself (calls inside "${r.name}" pay only their edges')`,
        };
      }
      if (regions.find((o) => o.name === to)?.latencyMs?.[r.name] !== undefined) {
        return {
          path: formatPath(['regions', i, 'latencyMs', to]),
          message: `the latency between "${r.name}" and "${to}" is given in both regions; the same holds both ways, so give it once`,
        };
      }
      if (!names.includes(to)) {
        return {
          path: formatPath(['regions', i, 'latencyMs', to]),
          message: `"${to}" is not a region; the regions are ${quoted(names)}${suggestion(to, names)}`,
        };
      }
    }
    for (const other of names.slice(i + 1)) {
      if (latencyBetween(regions, r.name, other) === undefined) {
        return {
          path: `${p}.latencyMs`,
          message: `no latency between "${r.name}" and "${other}": give one in either region, e.g. {"${other}": 40}`,
        };
      }
    }
  }
  for (const [i, n] of s.nodes.entries()) {
    const p = `nodes[${i}]`;
    if (n.region !== undefined && !names.includes(n.region)) {
      const where =
        names.length === 0
          ? 'the document has no regions (add them under "regions")'
          : `the regions are ${quoted(names)}${suggestion(n.region, names)}`;
      return { path: `${p}.region`, message: `"${n.region}" is not a region; ${where}` };
    }
    if (n.zone !== undefined) {
      const region = regions.find((r) => r.name === (n.region ?? names[0]));
      const zones = region?.zones ?? [];
      if (!zones.includes(n.zone)) {
        const where =
          region === undefined
            ? 'the document has no regions'
            : zones.length === 0
              ? `region "${region.name}" names no zones`
              : `the zones of "${region.name}" are ${quoted(zones)}${suggestion(n.zone, zones)}`;
        return { path: `${p}.zone`, message: `"${n.zone}" is not a zone; ${where}` };
      }
    }
  }
  return null;
}
