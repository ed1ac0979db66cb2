// The build's stand-in for d3-color must export every name d3-interpolate and d3-transition
// import from it, say "not a colour" for any value, and fail loudly if a colour space is reached.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { d3ColourStub } from '../../scripts/vite/d3WithoutColour.ts';
import { exportedNames } from '../../scripts/vite/zodWithoutJsonSchema.ts';

const require = createRequire(import.meta.url);
const source = (pkg: string) => readFileSync(require.resolve(pkg), 'utf8');

/** Names a module imports from d3-color (`import { a as b, c } from 'd3-color'`). */
function importedFromColour(src: string): string[] {
  const m = /import \{([^}]*)\} from 'd3-color'/.exec(src);
  return m ? m[1]!.split(',').map((p) => p.trim().split(/\s+as\s+/)[0]!) : [];
}

describe("the build's d3 without d3-color", () => {
  const stubNames = exportedNames(d3ColourStub());

  it('exports every name its importers use, and every name d3-color exports', () => {
    const used = [
      ...importedFromColour(source('d3-interpolate')),
      ...importedFromColour(source('d3-transition')),
    ];
    expect(used).toContain('color');
    expect(used).toContain('rgb');
    for (const name of used) expect(stubNames).toContain(name);
    const real = /export \{([^}]*)\};\s*$/.exec(source('d3-color'))![1]!.split(',');
    for (const name of real.map((n) => n.trim())) expect(stubNames).toContain(name);
  });

  it('reads no value as a colour, and throws if a colour space is reached', async () => {
    const url = `data:text/javascript,${encodeURIComponent(d3ColourStub())}`;
    const stub = (await import(/* @vite-ignore */ url)) as Record<string, (v?: string) => unknown>;
    expect(stub['color']!('#ff0000')).toBeNull();
    expect(() => stub['rgb']!('#ff0000')).toThrow(/d3-color is left out/);
  });
});
