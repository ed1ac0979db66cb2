/**
 * A Vite plugin that leaves zod's JSON Schema export out of the browser build. zod 4's classic
 * schemas import its two JSON Schema modules for `schema.toJSONSchema()` and friends, which
 * archsim never calls; they were about 6 KB of the first paint's gzipped JavaScript (the budget
 * is 200 KB, see tests/e2e/specs/first-paint.mjs). Each is replaced by a module with the same
 * export names whose functions throw, so a future use fails loudly instead of quietly: the names
 * are read from zod's own file at build time, so an upgrade that adds one cannot drift.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** zod's JSON Schema modules, as its classic schemas import them. */
const LEFT_OUT = ['/zod/v4/core/json-schema-processors.js', '/zod/v4/core/to-json-schema.js'];
const PREFIX = '\0zod-without-json-schema:';

/** The names a module exports: `export function f`, `export const c`, `export { a as b }`. */
export function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/^export (?:async )?(?:function\*? |const |let |class )(\w+)/gm))
    names.add(m[1]!);
  for (const m of source.matchAll(/^export \{([^}]*)\}/gm))
    for (const part of m[1]!.split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (name) names.add(name);
    }
  return [...names];
}

/** The stand-in: factories (`create…`) hand back a function that throws; the rest throw. */
export function stubSource(realPath: string, names: string[]): string {
  const lines = [
    `const leftOut = () => { throw new Error(${JSON.stringify(
      `zod's JSON Schema code (${realPath.split('/zod/').pop()}) is left out of archsim's build`,
    )}); };`,
  ];
  for (const name of names) {
    if (name.startsWith('create')) lines.push(`export const ${name} = () => leftOut;`);
    else if (name === 'allProcessors') lines.push(`export const ${name} = {};`);
    else lines.push(`export const ${name} = leftOut;`);
  }
  return lines.join('\n');
}

export function zodWithoutJsonSchema(): Plugin {
  return {
    name: 'zod-without-json-schema',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer?.includes('/zod/') || !source.includes('json-schema')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const hit = resolved && LEFT_OUT.some((end) => resolved.id.endsWith(end));
      return hit ? PREFIX + resolved.id : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const realPath = id.slice(PREFIX.length);
      return stubSource(realPath, exportedNames(readFileSync(realPath, 'utf8')));
    },
  };
}
