/** How an action reads on the timeline: "users arrival.rps 900", "api drain 2". */
import { isEdit, OPERATOR_OPS } from '../../model/actions.ts';
import type { Action, Scenario } from '../../model/types.ts';
import { targetName } from './faultInfo.ts';

export function actionLabel(doc: Scenario, a: Action): string {
  const who = targetName(doc, a.target);
  if (!isEdit(a))
    return `${who}: ${OPERATOR_OPS[a.op].label.toLowerCase()}${a.replica !== undefined ? ` ${a.replica}` : ''}`;
  const what = Object.entries(a.set)
    .map(([k, v]) => `${k} ${v === null ? 'off' : typeof v === 'object' ? '…' : JSON.stringify(v)}`)
    .join(', ');
  return `${who}: ${what}`;
}

/** The button's name: what, where and when. */
export function actionName(doc: Scenario, a: Action): string {
  return `Action at ${a.atS} s: ${actionLabel(doc, a)}`;
}

/** About how wide a flag's label is drawn at its 10 px font, with its padding. */
export const actionLabelPx = (label: string) => label.length * 6 + 16;

/**
 * A lane per action so that flags whose labels would overlap sit one above the other: the
 * label runs right of the flag in the first half of the run, left of it in the second.
 */
export function actionLanes(
  spans: ReadonlyArray<{ x: number; width: number; left: boolean }>,
): number[] {
  const from = spans.map((s) => (s.left ? s.x - s.width : s.x));
  const order = spans.map((_, i) => i).sort((a, b) => from[a]! - from[b]!);
  const ends: number[] = [];
  const lanes = spans.map(() => 0);
  for (const i of order) {
    const start = from[i]!;
    let lane = ends.findIndex((end) => end <= start);
    if (lane === -1) lane = ends.length;
    ends[lane] = start + spans[i]!.width;
    lanes[i] = lane;
  }
  return lanes;
}
