/**
 * What the fault views share: which kinds fit a target (the model's FAULT_KINDS rules), how a
 * fault is named and coloured, when it is active, and a check through the model's one door.
 */
import type { Fault, FaultKind, Scenario } from '../../model/types.ts';
import { FAULT_KINDS } from '../../model/kinds/index.ts';
import { loadScenario } from '../../model/load.ts';
import type { EditResult } from '../../store/graphSlice.ts';

/** One colour per kind (the model's descriptions), used by the timeline bars, the chart markers
 *  and the canvas badge. */
export const FAULT_COLORS = Object.fromEntries(
  Object.values(FAULT_KINDS).map((d) => [d.kind, d.colour]),
) as Record<FaultKind, string>;

const KIND_ORDER = Object.keys(FAULT_KINDS) as FaultKind[];

/** The fault kinds that may hit this node or edge, in the model's order. */
export function kindsFor(doc: Scenario, targetId: string): FaultKind[] {
  const node = doc.nodes.find((n) => n.id === targetId);
  const edge = node ? undefined : doc.edges.find((e) => e.id === targetId);
  return KIND_ORDER.filter((k) => {
    const d = FAULT_KINDS[k];
    if (node) return d.target === 'node' && (d.nodeTypes?.includes(node.type) ?? true);
    if (edge) return d.target === 'edge' && (d.edgeKinds?.includes(edge.kind) ?? true);
    return false;
  });
}

/** A node's label, or an edge as "Source → Target", or the id when it is gone. */
export function targetName(doc: Scenario, id: string): string {
  const label = (nodeId: string) => doc.nodes.find((n) => n.id === nodeId)?.label ?? nodeId;
  if (doc.nodes.some((n) => n.id === id)) return label(id);
  const edge = doc.edges.find((e) => e.id === id);
  return edge ? `${label(edge.source)} → ${label(edge.target)}` : id;
}

/** The kind's own figure, short: "×1", "all", "×5", "10%", "+200 ms". */
export function faultAmount(f: Fault): string {
  return FAULT_KINDS[f.kind].amount(f);
}

const seconds = (s: number) => `${+s.toFixed(1)} s`;

/** The bar's visible text: "crash API ×1". */
export function faultLabel(doc: Scenario, f: Fault): string {
  return [f.kind, targetName(doc, f.target), faultAmount(f)].filter(Boolean).join(' ');
}

/** The bar's accessible name: "crash on API at 60 s for 30 s". */
export function faultName(doc: Scenario, f: Fault): string {
  const span =
    f.kind === 'flush' ? '' : f.forS === undefined ? ' to the end' : ` for ${seconds(f.forS)}`;
  return `${f.kind} on ${targetName(doc, f.target)} at ${seconds(f.atS)}${span}`;
}

/** When the fault stops, within a run of `durationS` (a flush is an instant). */
export function faultEnd(f: Fault, durationS: number): number {
  if (f.kind === 'flush') return f.atS;
  return f.forS === undefined ? durationS : Math.min(durationS, f.atS + f.forS);
}

export function isActive(f: Fault, tS: number): boolean {
  if (f.kind === 'flush') return false;
  return tS >= f.atS && (f.forS === undefined || tS < f.atS + f.forS);
}

/** Checks a fault as if added to the document: the model's message, and the field it names. */
export function checkFault(doc: Scenario, fault: Fault): EditResult & { field?: string } {
  const index = doc.faults.length;
  const r = loadScenario({ ...doc, faults: [...doc.faults, fault] });
  if (r.ok) return { ok: true };
  const prefix = `${r.path || 'document'}: `;
  const message = r.error.startsWith(prefix) ? r.error.slice(prefix.length) : r.error;
  const field = r.path.startsWith(`faults[${index}].`)
    ? r.path.slice(`faults[${index}].`.length)
    : undefined;
  return field === undefined
    ? { ok: false, error: r.error, message, path: r.path }
    : { ok: false, error: r.error, message, path: r.path, field };
}
