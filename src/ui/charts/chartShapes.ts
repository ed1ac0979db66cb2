/**
 * What React renders of the live charts, kept apart from what the cards draw themselves (their
 * rows, drawn straight into the plot: ChartCard.tsx): a chart's shape.
 */
import type { PlotSpec } from './plotSvg.ts';

/** What React renders of a chart: everything but its rows (the cards draw those). */
function shapeOf(spec: PlotSpec): string {
  const series = spec.series.map((x) => [x.key, x.name, x.color, x.dashed, x.step]);
  return JSON.stringify([spec.key, spec.title, spec.emptyNote, series]);
}

/**
 * The specs React renders next: each chart keeps its old spec while its shape holds, so only the
 * cards whose shape changed render again (the busiest five nodes trade places often on a large
 * design, and a new grid each time made every card render and redraw, in sight or not, about
 * once a second); the old list itself when no shape changed.
 */
export function keepShapes(
  old: readonly PlotSpec[] | undefined,
  next: PlotSpec[] | undefined,
): PlotSpec[] | undefined {
  if (old === undefined || next === undefined) return next;
  const oldByKey = new Map(old.map((spec) => [spec.key, spec]));
  const kept = next.map((spec) => {
    const before = oldByKey.get(spec.key);
    return before !== undefined && shapeOf(before) === shapeOf(spec) ? before : spec;
  });
  return kept.length === old.length && kept.every((spec, i) => spec === old[i])
    ? (old as PlotSpec[])
    : kept;
}
