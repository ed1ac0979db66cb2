/** "Did you mean …?" for unknown fields: the closest field name any of our schemas knows. */
import { documentSchema } from './documentSchema.ts';

/** Every object key found by walking the schema's definition tree (our own schemas only). */
function collectKeys(root: unknown): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    const shape = def['shape'];
    if (shape && typeof shape === 'object') {
      for (const [k, v] of Object.entries(shape)) {
        keys.add(k);
        walk(v);
      }
    }
    for (const field of ['innerType', 'in', 'out', 'element']) walk(def[field]);
    for (const field of ['options', 'items']) {
      const list = def[field];
      if (Array.isArray(list)) list.forEach(walk);
    }
  };
  walk(root);
  return keys;
}

let known: Set<string> | null = null;

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The known field closest to `key` (case-insensitive, at most 2 edits), if any. */
export function suggestField(key: string): string | undefined {
  known ??= collectKeys(documentSchema);
  return closest(key, known);
}

/** The candidate closest to `key` (case-insensitive, at most 2 edits), if any. */
export function closest(key: string, candidates: Iterable<string>): string | undefined {
  if (key.length < 3 || key.length > 40) return undefined;
  let best: string | undefined;
  let bestD = 3;
  for (const k of candidates) {
    const d = distance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD && d > 0) {
      best = k;
      bestD = d;
    } else if (d === 0 && k !== key) return k;
  }
  return best;
}
