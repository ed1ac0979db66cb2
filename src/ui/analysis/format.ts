/** Number formats shared by the analysis tables and sentences. */

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1,840 */
export const fmtInt = (x: number): string => (Number.isFinite(x) ? grouped.format(x) : '—');

/** Three significant figures below 1000, whole and grouped from there. */
export function fmtNum(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  if (Math.abs(x) >= 1000) return fmtInt(x);
  if (x === 0) return '0';
  return String(Number(x.toPrecision(3)));
}

export const fmtPct = (ratio: number | null, digits = 1): string =>
  ratio === null || !Number.isFinite(ratio)
    ? '—'
    : `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(digits)} %`;

export const fmtMoney = (x: number): string => `$${x.toFixed(3)}`;

/** The node's label when it has one, else its id. */
export function nodeName(doc: { nodes: ReadonlyArray<{ id: string; label: string }> }, id: string) {
  return doc.nodes.find((n) => n.id === id)?.label || id;
}
