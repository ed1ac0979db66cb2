/**
 * The charts on the page right now, as specs: what "Charts as PNG/SVG" draws, so an export is
 * the charts the user sees, drawn by the same code, with no scraping of the page.
 */
import type { PlotSpec } from './plotSvg.ts';

let shown: readonly PlotSpec[] = [];

export function setShownCharts(specs: readonly PlotSpec[]): void {
  shown = specs;
}

export function shownCharts(): readonly PlotSpec[] {
  return shown;
}
