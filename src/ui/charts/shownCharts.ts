/**
 * The charts on the page right now, as specs: what the cards draw (each reads its own spec here
 * when told the specs moved, with no React render) and what "Charts as PNG/SVG" draws, so an
 * export is the charts the user sees, drawn by the same code, with no scraping of the page.
 */
import type { PlotSpec } from './plotSvg.ts';

let shown: readonly PlotSpec[] = [];
let byKey = new Map<string, PlotSpec>();
const listeners = new Set<() => void>();

export function setShownCharts(specs: readonly PlotSpec[]): void {
  shown = specs;
  byKey = new Map(specs.map((s) => [s.key, s]));
  listeners.forEach((l) => l());
}

export function shownCharts(): readonly PlotSpec[] {
  return shown;
}

/** The newest spec of the chart `key`, if it is shown. */
export function shownChart(key: string): PlotSpec | undefined {
  return byKey.get(key);
}

export function subscribeShownCharts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
