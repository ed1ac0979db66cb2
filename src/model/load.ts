/**
 * The one door for every document (canvas, preset, share link, file, command line):
 * decode → migrate → validate → fill defaults → cross-field checks. Never throws: any input gives
 * either a complete `Scenario` or one error naming the field's path.
 */
import { documentSchema } from './documentSchema.ts';
import { checkActions } from './actionChecks.ts';
import { checkClassRefs } from './classRefs.ts';
import { checkFaults } from './faultChecks.ts';
import { checkGraph } from './graphChecks.ts';
import { checkObjectives } from './objectiveChecks.ts';
import { checkRegions } from './regionChecks.ts';
import { withValue } from './issues.ts';
import { migrate } from './migrate.ts';
import { parseDroppingUnknown } from './strictParse.ts';
import type { Scenario } from './types.ts';

export type LoadResult =
  { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; error: string; path: string };

/** A JSON text longer than this is refused before parsing (presets are a few kB). */
export const MAX_DOCUMENT_CHARS = 5_000_000;
/** A file longer than this cannot hold a document within MAX_DOCUMENT_CHARS (4 bytes a char at most). */
export const MAX_DOCUMENT_BYTES = 4 * MAX_DOCUMENT_CHARS;
/** A byte-order mark some editors put at the start of a UTF-8 file; not part of the JSON. */
const BOM = '\uFEFF';

export function loadScenario(input: unknown): LoadResult {
  try {
    return loadUnsafe(input);
  } catch (e) {
    // A hostile object (a throwing getter, a proxy) must not break the caller.
    return fail('', `could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** For tests and the command line: the scenario, or an Error carrying the message. */
export function loadScenarioOrThrow(input: unknown): Scenario {
  const r = loadScenario(input);
  if (!r.ok) throw new Error(r.error);
  return r.scenario;
}

function loadUnsafe(input: unknown): LoadResult {
  let value = input;
  if (typeof value === 'string') {
    const text = value.startsWith(BOM) ? value.slice(BOM.length) : value;
    if (text.length > MAX_DOCUMENT_CHARS) {
      return fail('', `is too large (${text.length} characters; at most ${MAX_DOCUMENT_CHARS})`);
    }
    try {
      value = JSON.parse(text);
    } catch (e) {
      return fail('', `is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail('', withValue('must be a JSON object with "version", "nodes", "edges" …', value));
  }
  const migrated = migrate(value as Record<string, unknown>);
  if (!migrated.ok) return migrated;

  const parsed = parseDroppingUnknown(documentSchema, migrated.doc);
  if (!parsed.ok) return parsed;
  const warnings = [...migrated.warnings, ...parsed.warnings];

  const doc = parsed.data;
  const scenario = {
    ...doc,
    // Rebuilt so the label sits in reading order, defaulting to the id.
    nodes: doc.nodes.map(({ id, type, label, position, region, zone, params }) => ({
      id,
      type,
      label: label ?? id,
      position,
      ...(region === undefined ? {} : { region }),
      ...(zone === undefined ? {} : { zone }),
      params,
    })),
  } as Scenario;

  const problem =
    checkGraph(scenario, warnings) ??
    checkRegions(scenario) ??
    checkFaults(scenario, warnings) ??
    checkActions(scenario, warnings) ??
    checkObjectives(scenario, warnings) ??
    checkClassRefs(scenario, warnings);
  if (problem) return fail(problem.path, problem.message);
  return { ok: true, scenario, warnings };
}

function fail(path: string, message: string): { ok: false; error: string; path: string } {
  return { ok: false, error: `${path || 'document'}: ${message}`, path };
}
