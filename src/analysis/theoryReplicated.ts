/**
 * Theory against measurement over several seeds: is a disagreement noise, or is the model
 * wrong for this design? Each row's measured figure becomes a mean with a 95 % confidence
 * interval; the prediction agrees when it lies inside it. An approximate model (marked
 * "(approx.)") that disagrees with a tight interval is the lesson: its assumptions do not hold.
 */
import type { SimResult } from '../engine/types.ts';
import type { Scenario } from '../model/types.ts';
import { ciHalfWidth95, mean } from './stats.ts';
import { theoryCompare, type TheoryRow } from './theoryCompare.ts';

export interface ReplicatedTheoryRow extends TheoryRow {
  /** 95 % CI half-width of the measured mean over the seeds. */
  measuredHalfWidth: number;
  seeds: number;
  /** The prediction lies inside the measured interval; null without a prediction. */
  agrees: boolean | null;
}

export function theoryCompareReplicated(
  doc: Scenario,
  results: readonly SimResult[],
): ReplicatedTheoryRow[] {
  const groups = new Map<string, TheoryRow[]>();
  for (const r of results) {
    for (const row of theoryCompare(doc, r)) {
      const key = `${row.nodeId}\u0000${row.model}\u0000${row.metric}`;
      const list = groups.get(key) ?? [];
      list.push(row);
      groups.set(key, list);
    }
  }
  return [...groups.values()].map((rows) => {
    const first = rows[0] as TheoryRow;
    const measured = mean(rows.map((r) => r.measured));
    const predictions = rows
      .map((r) => r.predicted)
      .filter((p): p is number => p !== null && Number.isFinite(p));
    const predicted = predictions.length === rows.length ? mean(predictions) : null;
    const halfWidth = ciHalfWidth95(rows.map((r) => r.measured));
    let relativeError: number | null = null;
    if (predicted !== null) {
      if (Math.max(Math.abs(predicted), Math.abs(measured)) < 1e-3) relativeError = 0;
      else if (predicted !== 0) relativeError = (measured - predicted) / Math.abs(predicted);
    }
    // A row with no spread (a figure that is the same for every seed) agrees only when equal.
    const slack = Number.isFinite(halfWidth) ? Math.max(halfWidth, 1e-9 * Math.abs(measured)) : NaN;
    const agrees =
      predicted === null || !Number.isFinite(slack)
        ? null
        : Math.abs(measured - predicted) <= slack;
    return {
      ...first,
      predicted,
      measured,
      relativeError,
      measuredHalfWidth: halfWidth,
      seeds: rows.length,
      agrees,
    };
  });
}
