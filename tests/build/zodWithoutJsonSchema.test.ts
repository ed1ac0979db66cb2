// The build's stand-in for zod's JSON Schema modules must export every name zod's own modules
// import from them (else the build breaks or a schema misbehaves), and must fail loudly if used.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportedNames, stubSource } from '../../scripts/vite/zodWithoutJsonSchema.ts';

const zodDir = join(dirname(createRequire(import.meta.url).resolve('zod/package.json')), 'v4');
const read = (path: string) => readFileSync(join(zodDir, path), 'utf8');

/** Names `importer` takes from `module` by `import { a, b as c }`. */
function namedImports(importer: string, module: string): string[] {
  const names: string[] = [];
  const re = new RegExp(`import \\{([^}]*)\\} from "[./]*${module.replace('.', '\\.')}"`, 'g');
  for (const m of read(importer).matchAll(re))
    for (const part of m[1]!.split(',')) names.push(part.trim().split(/\s+as\s+/)[0]!);
  return names.filter(Boolean);
}

/** Names `importer` reads off `import * as ns from module` as `ns.name`. */
function namespaceUses(importer: string, module: string): string[] {
  const src = read(importer);
  const ns = new RegExp(`import \\* as (\\w+) from "[./]*${module.replace('.', '\\.')}"`).exec(src);
  if (!ns) return [];
  return [
    ...new Set(
      [...src.matchAll(new RegExp(`(?<![\\w-])${ns[1]}\\.(\\w+)\\b(?!")`, 'g'))].map((m) => m[1]!),
    ),
  ];
}

describe("the build's zod without JSON Schema", () => {
  const processors = exportedNames(read('core/json-schema-processors.js'));
  const toJsonSchema = exportedNames(read('core/to-json-schema.js'));

  it('reads the export names of both modules', () => {
    expect(processors).toContain('aggregateChecks');
    expect(processors).toContain('numberProcessor');
    expect(toJsonSchema).toContain('createToJSONSchemaMethod');
    expect(toJsonSchema).toContain('process'); // `export { processSchema as process }`
  });

  it("stands in for every name zod's classic schemas use", () => {
    const processorUses = namespaceUses('classic/schemas.js', 'core/json-schema-processors.js');
    const factoryImports = namedImports('classic/schemas.js', 'core/to-json-schema.js');
    expect(processorUses).toContain('aggregateChecks');
    expect(factoryImports).toContain('createStandardJSONSchemaMethod');
    for (const name of processorUses) expect(processors).toContain(name);
    for (const name of factoryImports) expect(toJsonSchema).toContain(name);
  });

  it('throws, naming what was left out, when a stand-in is called', async () => {
    const src = stubSource('/x/node_modules/zod/v4/core/to-json-schema.js', toJsonSchema);
    const url = `data:text/javascript,${encodeURIComponent(src)}`;
    const stub = (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
    const make = stub['createToJSONSchemaMethod'] as () => () => void;
    const method = make(); // made on every schema's first `~standard` read: must not throw
    expect(() => method()).toThrow(/v4\/core\/to-json-schema\.js.*left out of archsim's build/);
    expect(() => (stub['finalize'] as () => void)()).toThrow(/left out/);
  });
});
