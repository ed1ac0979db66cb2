/**
 * docs/format.md describes the whole format for a reader who has only the repository: every field
 * a document may hold (walked from its schema) and every field a headless result holds (walked
 * from a short run of each preset, graded as `sim --json` grades it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { FORMAT_DOC } from '../../scripts/kindDocs.ts';
import { AVAILABILITY_FIGURES } from '../../src/model/kinds/availabilityFigures.ts';
import { EDGE_FIGURES } from '../../src/model/kinds/edgeFigures.ts';
import { kindFiguresOf } from '../../src/model/kinds/figureRegistry.ts';
import { COMMON_FIGURES } from '../../src/model/kinds/figures.ts';
import { NODE_TYPES } from '../../src/model/kinds/index.ts';
import { grade } from '../../src/analysis/objectives.ts';
import { runToEnd } from '../../src/analysis/runToEnd.ts';
import { documentSchema } from '../../src/model/documentSchema.ts';
import { defOf } from '../../src/model/kinds/schemaInfo.ts';
import { loadScenario } from '../../src/model/load.ts';
import type { Scenario } from '../../src/model/types.ts';

/** The parts of a definition the walk follows into. */
interface WalkedDef {
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

/** Every object key anywhere in `schema`, with the path to its first use. */
function fieldNames(schema: z.ZodType, path: string, out: Map<string, string>, seen: Set<unknown>) {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = defOf(schema) as unknown as WalkedDef;
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

const doc = readFileSync(FORMAT_DOC, 'utf8');
// Named in a code span (alone, in a dotted path, in a list of keys) or as a key in an example.
const codeSpans = [...doc.replace(/```[\s\S]*?```/g, '').matchAll(/`([^`]+)`/g)]
  .map((m) => m[1]!)
  .join('\n');
const named = (key: string) =>
  new RegExp(`\\b${key}\\b`).test(codeSpans) || doc.includes(`"${key}":`);

/** The names a document gives (ids, class names): keys of a result that the format cannot list. */
function namesIn(s: Scenario): Set<string> {
  const classes = s.nodes.flatMap((n) =>
    ((n.params as { classes?: Array<{ name: string }> }).classes ?? []).map((c) => c.name),
  );
  return new Set([
    ...s.nodes.map((n) => n.id),
    ...s.edges.map((e) => e.id),
    ...(s.objectives ?? []).map((o) => o.id),
    ...classes,
    'default',
  ]);
}

/** Figures keyed by names the run makes (reasons, classes, a stream's groups and partitions). */
const KEYED_BY_NAME = new Set(
  [
    ...COMMON_FIGURES,
    ...AVAILABILITY_FIGURES,
    ...EDGE_FIGURES,
    ...NODE_TYPES.flatMap((t) => kindFiguresOf(t)),
  ]
    .filter((f) => f.nature === 'byName' || f.nature === 'byClass')
    .map((f) => f.key),
);

/** Every key of `value` but those `names` gives, with the path to its first use. */
function resultKeys(value: unknown, path: string, names: Set<string>, out: Map<string, string>) {
  if (Array.isArray(value)) for (const v of value) resultKeys(v, `${path}[]`, names, out);
  else if (value !== null && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) {
      const shown = names.has(key) ? '<name>' : key;
      if (!names.has(key) && !out.has(key)) out.set(key, `${path}.${shown}`);
      if (!KEYED_BY_NAME.has(key)) resultKeys(v, `${path}.${shown}`, names, out);
    }
}

describe('docs/format.md', () => {
  it('names every field a document may hold', () => {
    const fields = new Map<string, string>();
    fieldNames(documentSchema, '', fields, new Set());
    const missing = [...fields].filter(([key]) => !named(key)).map(([, p]) => p);
    expect(missing).toEqual([]);
  });

  it("names every field of every preset's headless result", () => {
    const dir = join(import.meta.dirname, '../../presets');
    const fields = new Map<string, string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const loaded = loadScenario(readFileSync(join(dir, file), 'utf8'));
      if (!loaded.ok) throw new Error(`${file}: ${loaded.error}`);
      // A short run reaches every mechanism a preset configures (faults after 15 s do not fire).
      const s = { ...loaded.scenario, durationS: 15, warmupS: 5 };
      const result = runToEnd(s, { eventBudget: 2_000_000 });
      if (s.objectives) result.objectives = grade(s.objectives, result, s);
      resultKeys(result, file, namesIn(s), fields);
    }
    const missing = [...fields].filter(([key]) => !named(key)).map(([, p]) => p);
    expect(missing).toEqual([]);
  });
});
