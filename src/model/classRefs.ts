/**
 * What a request-class table names that the design lacks: a route or a service time for a class
 * no client sends, a route to a node the balancer does not call. Found from the kinds' table
 * descriptors (a 'record' table keyed by class name, a 'backends' column), so a new class table
 * is checked without an edit here. The loader lists them as warnings, the inspector shows each at
 * its row while it is edited; a run still refuses a route it cannot follow.
 */
import { DEFAULT_CLASS } from './kinds/classes.ts';
import { KIND_DESCRIPTIONS } from './kinds/index.ts';
import type { Scenario, ScenarioNode } from './types.ts';

export interface ClassRefProblem {
  /** The param's key ('routes'). */
  param: string;
  /** The row's key: the class name. */
  row: string;
  message: string;
}

/** Every class name the document's clients send, in the order they first appear. */
export function documentClassNames(doc: Scenario): string[] {
  const names = new Set<string>();
  for (const n of doc.nodes)
    if (n.type === 'client') for (const c of n.params.classes ?? []) names.add(c.name);
  return [...names];
}

/**
 * The classes an objective may name: every class the clients send and, when some client sends
 * none while others do, `default` (its requests' class: src/engine/classes/classTable.ts).
 */
export function objectiveClassNames(doc: Scenario): string[] {
  const names = documentClassNames(doc);
  const unclassed = doc.nodes.some((n) => n.type === 'client' && n.params.classes === undefined);
  return unclassed && names.length > 0 ? [...names, DEFAULT_CLASS] : names;
}

/** The ids of the nodes `node` calls (its call edges' targets), in edge order. */
export function calledIds(doc: Scenario, nodeId: string): string[] {
  return doc.edges.filter((e) => e.source === nodeId && e.kind === 'call').map((e) => e.target);
}

export function classRefProblems(
  doc: Scenario,
  node: ScenarioNode,
  sent: readonly string[] = documentClassNames(doc),
): ClassRefProblem[] {
  const out: ClassRefProblem[] = [];
  const params = node.params as Record<string, unknown>;
  for (const d of KIND_DESCRIPTIONS[node.type].params) {
    const table = d.table;
    const value = params[d.key];
    if (table?.rows !== 'record' || value === null || typeof value !== 'object') continue;
    const [key, cell] = table.columns;
    for (const [row, v] of Object.entries(value as Record<string, unknown>)) {
      if (key?.control === 'className' && !sent.includes(row))
        out.push({ param: d.key, row, message: `no client sends the class "${row}"` });
      if (cell?.control !== 'backends' || !Array.isArray(v)) continue;
      const called = calledIds(doc, node.id);
      for (const id of v as string[])
        if (!called.includes(id))
          out.push({ param: d.key, row, message: `"${id}" is not behind this node` });
    }
  }
  return out;
}

/** Every node's class problems as the loader's warnings, each naming its path. */
export function checkClassRefs(doc: Scenario, warnings: string[]): null {
  const sent = documentClassNames(doc);
  doc.nodes.forEach((n, i) => {
    for (const p of classRefProblems(doc, n, sent))
      warnings.push(`nodes[${i}].params.${p.param}.${p.row}: ${p.message}`);
  });
  return null;
}
