/** Formats of the analysis panels beyond the shared ones (src/ui/run/format.ts). */

/** A relative change, signed: +12.5 %, −3.0 %. */
export const fmtPct = (ratio: number | null, digits = 1): string =>
  ratio === null || !Number.isFinite(ratio)
    ? '–'
    : `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(digits)} %`;

export const fmtMoney = (x: number): string => `$${x.toFixed(3)}`;

/** The node's label when it has one, else its id. */
export function nodeName(doc: { nodes: ReadonlyArray<{ id: string; label: string }> }, id: string) {
  return doc.nodes.find((n) => n.id === id)?.label || id;
}
