/**
 * What a lesson claim is, and how one is checked: load the preset as a learner would open it,
 * apply the lesson's "Try this" edit to the raw document (so the edit is validated like one
 * made in the inspector), run to the end and read one figure. Runs are cached per preset and
 * variant, since most lessons quote several figures of the same run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimulation } from '../../../src/engine/index.ts';
import type { SimResult, WindowStats } from '../../../src/engine/types.ts';
import { loadScenario } from '../../../src/model/load.ts';

/** A preset's JSON as a learner edits it: loose, validated again when loaded. */
export interface RawDoc {
  nodes: Array<{ id: string; params: Record<string, unknown> }>;
  edges: Array<Record<string, unknown> & { id: string; source: string; target: string }>;
  faults?: Array<Record<string, unknown>>;
  [field: string]: unknown;
}

export interface Run {
  r: SimResult;
  /** Every timeline window, warm-up included, oldest first. */
  w: WindowStats[];
}

export interface Claim {
  preset: string;
  /** What the lesson says, in a few words (the test's name). */
  claim: string;
  /** The lesson's change to the preset; absent = the preset as loaded. */
  variant?: (doc: RawDoc) => RawDoc;
  metric: (run: Run) => number;
  /** The figure the lesson text gives. */
  expected: number;
  /** Relative tolerance covering the rounding in the text (default 0.05). */
  tolerance?: number;
  /** Absolute tolerance instead, for figures near zero and exact counts. */
  abs?: number;
}

const DIR = join(import.meta.dirname, '../../../presets');
const cache = new Map<string, Map<unknown, Run>>();

export function readPreset(preset: string): RawDoc {
  return JSON.parse(readFileSync(join(DIR, `${preset}.json`), 'utf8')) as RawDoc;
}

export function runClaim(c: Claim): Run {
  const byVariant = cache.get(c.preset) ?? new Map<unknown, Run>();
  cache.set(c.preset, byVariant);
  const key = c.variant ?? 'as loaded';
  const hit = byVariant.get(key);
  if (hit) return hit;
  const doc = c.variant ? c.variant(readPreset(c.preset)) : readPreset(c.preset);
  const loaded = loadScenario(JSON.stringify(doc));
  if (!loaded.ok) throw new Error(`${c.preset}: ${loaded.error}`);
  const sim = createSimulation(loaded.scenario, { eventBudget: 50_000_000 });
  const w: WindowStats[] = [];
  while (!sim.runUntil(sim.nowS + 10).done) w.push(...sim.drainWindows());
  w.push(...sim.drainWindows());
  const run = { r: sim.snapshot(), w };
  byVariant.set(key, run);
  return run;
}

/** How far a measured figure may be from the lesson's and still match its rounding. */
export function allowedError(c: Claim): number {
  return c.abs ?? (c.tolerance ?? 0.05) * Math.abs(c.expected);
}
