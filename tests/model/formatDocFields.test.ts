import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { FORMAT_DOC } from '../../scripts/kindDocs.ts';
import { documentSchema } from '../../src/model/documentSchema.ts';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  valueType?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  items?: z.ZodType[];
  getter?: () => z.ZodType;
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Every object key anywhere in `schema`, with the path to its first use. */
function fieldNames(schema: z.ZodType, path: string, out: Map<string, string>, seen: Set<unknown>) {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = defOf(schema);
  const next: Array<[z.ZodType, string]> = [];
  if (def.type === 'object') {
    for (const [key, value] of Object.entries(def.shape ?? {})) {
      if (!out.has(key)) out.set(key, `${path}.${key}`);
      next.push([value, `${path}.${key}`]);
    }
  }
  for (const s of [def.innerType, def.element, def.in, def.out, def.valueType, def.left, def.right])
    if (s) next.push([s, path]);
  for (const s of [...(def.options ?? []), ...(def.items ?? [])]) next.push([s, path]);
  if (def.getter) next.push([def.getter(), path]);
  for (const [s, p] of next) fieldNames(s, p, out, seen);
}

describe('docs/format.md', () => {
  it('names every field a document may hold', () => {
    const fields = new Map<string, string>();
    fieldNames(documentSchema, '', fields, new Set());
    const doc = readFileSync(FORMAT_DOC, 'utf8');
    // Named in a code span (alone, in a dotted path, in a list of keys) or as a key in an example.
    const prose = doc.replace(/```[\s\S]*?```/g, '');
    const codeSpans = [...prose.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).join('\n');
    const named = (key: string) =>
      new RegExp(`\\b${key}\\b`).test(codeSpans) || doc.includes(`"${key}":`);
    const missing = [...fields].filter(([key]) => !named(key)).map(([, p]) => p);
    expect(missing).toEqual([]);
  });
});
