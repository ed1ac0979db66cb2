/**
 * The charts as one picture for a slide: the scenario's name and the run's summary line on top,
 * then each chart on the page with its title, its legend, its axes and units, drawn by the same
 * code as the page (plotSvg.ts). The grid's columns are chosen so the whole is near 16:9.
 */
import { plotBody, type PlotSpec } from '../charts/plotSvg.ts';
import type { ChartMark } from '../charts/chartMarks.ts';
import { escapeXml } from './xml.ts';

const CARD_W = 560;
const CARD_H = 300;
const GAP = 16;
const PAD = 24;
const HEADER_H = 64;
const SLIDE = 16 / 9;
const LEGEND_FONT = 11;
/** A generous guess of a character's width at the legend's size (no text metrics in a string). */
const CHAR_W = 6.4;

/** Legend items laid out left to right, wrapping; returns the markup and the height used. */
function legend(spec: PlotSpec, width: number): { svg: string; height: number } {
  let x = 0;
  let line = 0;
  const items = spec.series.map((s) => {
    const w = 22 + s.name.length * CHAR_W + 12;
    if (x > 0 && x + w > width) {
      x = 0;
      line += 1;
    }
    const y = line * 16 + 8;
    const dash = s.dashed ? ' stroke-dasharray="4 3"' : '';
    const item =
      // A heatmap's colour step is a cell; a series, a line.
      (spec.heat
        ? `<rect x="${x + 3}" y="${y - 5}" width="10" height="10" fill="${s.color}"/>`
        : `<line x1="${x}" x2="${x + 16}" y1="${y}" y2="${y}" stroke="${s.color}" stroke-width="2"${dash}/>`) +
      `<text x="${x + 22}" y="${y}" dy="0.32em" font-size="${LEGEND_FONT}" fill="#3b4352">${escapeXml(s.name)}</text>`;
    x += w;
    return item;
  });
  return { svg: items.join(''), height: spec.series.length === 0 ? 0 : (line + 1) * 16 + 4 };
}

function card(spec: PlotSpec, marks: readonly ChartMark[]): string {
  const inner = CARD_W - 24;
  const { svg: keys, height: keysH } = legend(spec, inner);
  const plotTop = 30 + keysH;
  const note =
    spec.series.length === 0 && spec.emptyNote !== undefined
      ? `<text x="${CARD_W / 2}" y="${CARD_H / 2}" text-anchor="middle" font-size="12" fill="#8a93a3">${escapeXml(spec.emptyNote)}</text>`
      : '';
  return (
    `<rect width="${CARD_W}" height="${CARD_H}" rx="6" fill="#ffffff" stroke="#dfe3e8"/>` +
    `<text x="12" y="20" font-size="13" font-weight="600" fill="#1c2330">${escapeXml(spec.title)}</text>` +
    `<g transform="translate(12,${28})">${keys}</g>` +
    `<g transform="translate(4,${plotTop})">${plotBody(spec, CARD_W - 8, CARD_H - plotTop - 4, marks)}</g>` +
    note
  );
}

/** The number of columns that brings the picture nearest to a 16:9 slide. */
function columnsFor(n: number): number {
  let best = 1;
  let bestError = Infinity;
  for (let c = 1; c <= Math.max(1, n); c++) {
    const rows = Math.ceil(n / c);
    const w = c * CARD_W + (c - 1) * GAP + 2 * PAD;
    const h = HEADER_H + rows * CARD_H + (rows - 1) * GAP + PAD;
    const error = Math.abs(Math.log(w / h / SLIDE));
    if (error < bestError) [best, bestError] = [c, error];
  }
  return best;
}

export interface ChartsHeading {
  /** The scenario's name. */
  title: string;
  /** The run's summary line, as the page shows it. */
  summary: string;
}

export function chartsSvg(
  specs: readonly PlotSpec[],
  heading: ChartsHeading,
  marks: readonly ChartMark[] = [],
): { svg: string; width: number; height: number } {
  const columns = columnsFor(specs.length);
  const rows = Math.ceil(specs.length / columns);
  const width = columns * CARD_W + (columns - 1) * GAP + 2 * PAD;
  const height = HEADER_H + rows * CARD_H + Math.max(0, rows - 1) * GAP + PAD;
  const cards = specs.map((spec, i) => {
    const x = PAD + (i % columns) * (CARD_W + GAP);
    const y = HEADER_H + Math.floor(i / columns) * (CARD_H + GAP);
    return `<g transform="translate(${x},${y})">${card(spec, marks)}</g>`;
  });
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">`,
    `<title>${escapeXml(heading.title)}</title>`,
    `<rect width="100%" height="100%" fill="#f5f6f8"/>`,
    `<text x="${PAD}" y="32" font-size="20" font-weight="600" fill="#1c2330">${escapeXml(heading.title)}</text>`,
    `<text x="${PAD}" y="52" font-size="13" fill="#566173">${escapeXml(heading.summary)}</text>`,
    ...cards,
    `</svg>`,
  ].join('');
  return { svg, width, height };
}
