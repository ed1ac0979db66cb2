/** How an action reads on the timeline: "users arrival.rps 900", "api drain 2". */
import { isEdit, OPERATOR_OPS } from '../../model/actions.ts';
import { EDGE_PARAMS, KIND_DESCRIPTIONS, type ParamDescriptor } from '../../model/kinds/index.ts';
import type { Action, Scenario } from '../../model/types.ts';
import { targetName } from './faultInfo.ts';

/** The descriptor of the field at `path` (a dot path) among `descs`, nested ones included. */
function findField(descs: readonly ParamDescriptor[], path: string): ParamDescriptor | undefined {
  for (const d of descs) {
    if (d.key === path) return d;
    if (!path.startsWith(`${d.key}.`)) continue;
    const rest = path.slice(d.key.length + 1);
    if (d.control === 'arrival') return arrivalField(d, path, rest);
    const inner = [...(d.fields ?? []), ...(d.variant?.cases.flatMap((c) => c.fields) ?? [])];
    const found = findField(inner, rest);
    if (found) return { ...found, key: path };
  }
  return undefined;
}

/** The arrival control's own numbers (its process is a union the schema reader cannot walk):
 *  named as the control names them; the model checks the limits on commit. */
const ARRIVAL_NUMBERS: Record<string, { label: string; unit?: string }> = {
  rps: { label: 'rate', unit: 'rps' },
  users: { label: 'users' },
};

function arrivalField(d: ParamDescriptor, path: string, rest: string): ParamDescriptor | undefined {
  const words = ARRIVAL_NUMBERS[rest];
  if (words === undefined) return undefined;
  return {
    key: path,
    label: `${d.label} ${words.label}`,
    help: d.help,
    control: 'number',
    min: 0,
    ...(words.unit ? { unit: words.unit } : {}),
  };
}

/**
 * The field an action's value is edited with: the param's own descriptor (its control, unit,
 * limits and help), as the inspector shows it; JSON text only for a param no description has
 * (a document written by hand for another version).
 */
export function setFieldDescriptor(doc: Scenario, target: string, key: string): ParamDescriptor {
  const node = doc.nodes.find((n) => n.id === target);
  const descs = node ? KIND_DESCRIPTIONS[node.type].params : EDGE_PARAMS;
  return (
    findField(descs, key) ?? {
      key,
      label: key,
      help: 'The value it sets (JSON; null = absent).',
      control: 'json',
    }
  );
}

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
