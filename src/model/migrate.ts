/**
 * Migrations: each step turns a document of version n into version n+1, so an old share link or
 * file keeps opening after the format changes. Version 1 is current and the first, so the table
 * is empty today; the mechanism is tested with a fake older shape.
 */
import { withValue } from './issues.ts';
import { SCENARIO_VERSION } from './types.ts';

export type RawDocument = Record<string, unknown>;

/** A step from `version` to `version + 1`. It may return warnings to show the user. */
export type Migration = (doc: RawDocument) => { doc: RawDocument; warnings?: string[] };

/** MIGRATIONS[n] turns version n into n+1. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type MigrateResult =
  { ok: true; doc: RawDocument; warnings: string[] } | { ok: false; error: string; path: string };

export function migrate(
  doc: RawDocument,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  current: number = SCENARIO_VERSION,
): MigrateResult {
  const warnings: string[] = [];
  let version: unknown = doc['version'];
  if (version === undefined) {
    warnings.push(`version: missing; read as version ${current}`);
    return { ok: true, doc: { ...doc, version: current }, warnings };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return fail(withValue(`must be a whole number such as ${current}`, version));
  }
  if (version > current) {
    return fail(
      `this document was made by a newer archsim (format version ${version}); this one reads up to version ${current}`,
    );
  }
  let out = doc;
  while (version < current) {
    const step = migrations[version];
    if (!step) return fail(`format version ${version} is not supported (no way to upgrade it)`);
    const next = step(out);
    out = { ...next.doc, version: version + 1 };
    warnings.push(...(next.warnings ?? []));
    version += 1;
  }
  return { ok: true, doc: out, warnings };
}

function fail(message: string): MigrateResult {
  return { ok: false, error: `version: ${message}`, path: 'version' };
}
