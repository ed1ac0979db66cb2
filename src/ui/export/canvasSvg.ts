/**
 * A small, dependable picture of the canvas drawn from the document alone: a box per node at
 * its position (coloured by kind, with its label, its kind and the summary line of its params
 * that the canvas shows), a line per edge with an arrowhead.
 * It does not depend on how React Flow drew the page, so it works in any view and any zoom.
 */
import { KIND_DESCRIPTIONS } from '../../model/kinds/index.ts';
import type { Scenario } from '../../model/types.ts';
import { escapeXml } from './xml.ts';
import { nodeSummary } from '../canvas/nodeSummary.ts';

const W = 200;
const H = 72;
const PAD = 40;

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** The node's params line, shortened to fit the box; the whole line is its tooltip. */
function summaryLine(text: string): string {
  if (text === '') return '';
  const shown = clip(text, 33);
  const title = shown === text ? '' : `<title>${escapeXml(text)}</title>`;
  return `<text x="14" y="58" font-size="10.5" fill="#3b4352">${title}${escapeXml(shown)}</text>`;
}

export function canvasSvg(doc: Scenario): { svg: string; width: number; height: number } {
  const xs = doc.nodes.map((n) => n.position.x);
  const ys = doc.nodes.map((n) => n.position.y);
  const minX = xs.length ? Math.min(...xs) : 0;
  const minY = ys.length ? Math.min(...ys) : 0;
  const width = Math.ceil((xs.length ? Math.max(...xs) - minX : 0) + W + 2 * PAD);
  const height = Math.ceil((ys.length ? Math.max(...ys) - minY : 0) + H + 2 * PAD);
  const at = new Map(
    doc.nodes.map((n) => [n.id, { x: n.position.x - minX + PAD, y: n.position.y - minY + PAD }]),
  );

  const edges = doc.edges.map((e) => {
    const s = at.get(e.source);
    const t = at.get(e.target);
    if (!s || !t) return '';
    const dash = e.kind === 'call' ? '' : ' stroke-dasharray="6 4"';
    return `<line x1="${s.x + W}" y1="${s.y + H / 2}" x2="${t.x}" y2="${t.y + H / 2}" stroke="#9aa3b2" stroke-width="1.5"${dash} marker-end="url(#arrow)"/>`;
  });
  const nodes = doc.nodes.map((n) => {
    const p = at.get(n.id)!;
    const kind = KIND_DESCRIPTIONS[n.type];
    const colour = kind.colour;
    return [
      `<g transform="translate(${p.x},${p.y})">`,
      `<rect width="${W}" height="${H}" rx="8" fill="#ffffff" stroke="${colour}" stroke-width="1.5"/>`,
      `<rect width="5" height="${H}" rx="2" fill="${colour}"/>`,
      `<text x="14" y="24" font-size="13" font-weight="600" fill="#1c2330">${escapeXml(clip(n.label, 22))}</text>`,
      `<text x="14" y="40" font-size="11" fill="#566173">${escapeXml(kind.label)}</text>`,
      summaryLine(nodeSummary(n)),
      `</g>`,
    ].join('');
  });

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">`,
    `<title>${escapeXml(doc.name)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#9aa3b2"/></marker></defs>`,
    `<rect width="100%" height="100%" fill="#f5f6f8"/>`,
    ...edges,
    ...nodes,
    `</svg>`,
  ].join('');
  return { svg, width, height };
}
