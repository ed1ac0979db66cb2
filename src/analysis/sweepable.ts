/**
 * Every numeric param a design has now, as paths for the param sweep: read from the kinds'
 * descriptors (a group or autoscale form that is off has nothing to sweep; a dist offers its
 * mean, or its constant), so a new kind or field is offered without an edit here.
 */
import type { ParamDescriptor } from '../model/kinds/describe.ts';
import { EDGE_PARAMS } from '../model/kinds/edge.ts';
import { KIND_DESCRIPTIONS } from '../model/kinds/index.ts';
import type { Scenario } from '../model/types.ts';
import { paramInfo, type ParamInfo } from './paramPath.ts';

function fieldPaths(
  descriptors: readonly ParamDescriptor[],
  owner: unknown,
  prefix = '',
): string[] {
  const at = (key: string): unknown =>
    key
      .split('.')
      .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], owner);
  return descriptors.flatMap((d): string[] => {
    const path = prefix + d.key;
    const value = at(d.key);
    switch (d.control) {
      case 'integer':
      case 'number':
        return [path];
      case 'group':
        return value === undefined ? [] : fieldPaths(d.fields ?? [], value, `${path}.`);
      case 'variant': {
        const mode = (value as Record<string, unknown> | undefined)?.[d.variant?.key ?? ''];
        const chosen = d.variant?.cases.find((c) => c.value === mode);
        return chosen ? fieldPaths(chosen.fields, value, `${path}.`) : [];
      }
      case 'dist': {
        const dist = value as Record<string, unknown> | undefined;
        if (dist?.['meanMs'] !== undefined) return [`${path}.meanMs`];
        return dist?.['ms'] !== undefined ? [`${path}.ms`] : [];
      }
      case 'arrival': {
        const a = value as Record<string, unknown> | undefined;
        return a?.['rps'] !== undefined ? [`${path}.rps`] : [`${path}.users`];
      }
      case 'boolean':
      case 'select':
      case 'profile':
      case 'json':
      case 'table': // rows of classes: not one number
      case 'className':
      case 'backends':
        return []; // not a number
    }
  });
}

export function sweepableParams(doc: Scenario): ParamInfo[] {
  const paths = [
    ...doc.nodes.flatMap((n) =>
      fieldPaths(KIND_DESCRIPTIONS[n.type].params, n.params).map(
        (p) => `nodes.${n.id}.params.${p}`,
      ),
    ),
    // Only call edges carry a policy; a replication edge's latency is its lag.
    ...doc.edges
      .filter((e) => e.kind === 'call')
      .flatMap((e) => fieldPaths(EDGE_PARAMS, e).map((p) => `edges.${e.id}.${p}`)),
  ];
  return paths.flatMap((p) => {
    try {
      return [paramInfo(doc, p)];
    } catch {
      return []; // a descriptor the schema does not back with a number: nothing to sweep
    }
  });
}
