/** "Did you mean …?" for unknown fields: the closest field name any of our schemas knows. */
import { closest } from './closest.ts';
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

/** The known field closest to `key` (case-insensitive, at most 2 edits), if any. */
export function suggestField(key: string): string | undefined {
  known ??= collectKeys(documentSchema);
  return closest(key, known);
}
