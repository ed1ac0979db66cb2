/** Checks that each fault hits something that exists and can suffer it. */
import type { CheckError } from './graphChecks.ts';
import { FAULT_KINDS } from './kinds/faultKinds.ts';
import { closest } from './closest.ts';
import type { Scenario } from './types.ts';

export function checkFaults(s: Scenario, warnings: string[]): CheckError | null {
  const nodes = new Map(s.nodes.map((n) => [n.id, n]));
  const edges = new Map(s.edges.map((e) => [e.id, e]));
  for (const [i, f] of s.faults.entries()) {
    const p = `faults[${i}]`;
    const desc = FAULT_KINDS[f.kind];
    if (desc.target === 'node') {
      const node = nodes.get(f.target);
      if (!node) {
        const hint = edges.has(f.target)
          ? ` ("${f.target}" is an edge; ${f.kind} takes a node)`
          : '';
        return { path: `${p}.target`, message: `no node has the id "${f.target}"${hint}` };
      }
      if (desc.nodeTypes && !desc.nodeTypes.includes(node.type)) {
        return {
          path: `${p}.target`,
          message: `a ${f.kind} fault applies to ${list(desc.nodeTypes)}, not to ${node.type} "${node.id}"`,
        };
      }
      if (f.kind === 'pause' && f.pauseMs !== undefined && f.everyS !== undefined) {
        // A pause as long as the gap between pauses would stop the node for good: say so.
        if (f.pauseMs >= f.everyS * 1000) {
          return {
            path: `${p}.pauseMs`,
            message: `a pause of ${f.pauseMs} ms must be shorter than the ${f.everyS} s between pauses`,
          };
        }
      }
      if (f.kind === 'failures' && f.minUp !== undefined) {
        const replicas = node.type === 'service' ? node.params.replicas : 1;
        if (f.minUp > replicas) {
          warnings.push(
            `${p}.minUp: ${f.minUp} is more than the ${replicas} replica${replicas === 1 ? '' : 's'} "${node.id}" runs; it counts as up only with all of them`,
          );
        }
      }
      if (f.kind === 'crash' && f.replicas !== undefined) {
        // Replicas are a service's param: only its behaviour crashes some of them.
        if (node.type !== 'service') {
          warnings.push(
            `${p}.replicas: only a service has replicas; the whole ${node.type} crashes`,
          );
        } else if (f.replicas > node.params.replicas) {
          warnings.push(
            `${p}.replicas: ${f.replicas} is more than the ${node.params.replicas} "${node.id}" runs`,
          );
        }
      }
    } else if (desc.target === 'region') {
      const problem = checkRegionTarget(s, p, f.kind, f.target);
      if (problem) return problem;
    } else {
      const edge = edges.get(f.target);
      if (!edge) {
        const hint = nodes.has(f.target)
          ? ` ("${f.target}" is a node; ${f.kind} takes an edge)`
          : '';
        return { path: `${p}.target`, message: `no edge has the id "${f.target}"${hint}` };
      }
      if (desc.edgeKinds && !desc.edgeKinds.includes(edge.kind)) {
        return {
          path: `${p}.target`,
          message: `a ${f.kind} fault applies to ${list(desc.edgeKinds)} edges, not to the ${edge.kind} edge "${edge.id}"`,
        };
      }
    }
    if (f.atS >= s.durationS) {
      warnings.push(
        `${p}.atS: ${f.atS} s is not before the end of the run (${s.durationS} s); it never happens`,
      );
    }
  }
  return null;
}

function list(items: readonly string[]): string {
  return items.length === 1
    ? String(items[0])
    : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** A region fault names one of the document's regions. */
function checkRegionTarget(
  s: Scenario,
  p: string,
  kind: string,
  target: string,
): CheckError | null {
  const names = (s.regions ?? []).map((r) => r.name);
  if (names.includes(target)) return null;
  if (names.length === 0) {
    return {
      path: `${p}.target`,
      message: `a ${kind} fault takes a region, and the document has none ("${target}" given; add them under "regions")`,
    };
  }
  const near = closest(target, names);
  return {
    path: `${p}.target`,
    message: `no region is named "${target}"; the regions are ${names.map((n) => `"${n}"`).join(', ')}${near === undefined ? '' : `; did you mean "${near}"?`}`,
  };
}
