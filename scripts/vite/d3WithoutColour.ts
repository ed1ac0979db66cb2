/**
 * A Vite plugin that leaves d3-color out of the browser build. React Flow's pan and zoom pull in
 * d3-interpolate and d3-transition, which import d3-color to tween colours; archsim never tweens
 * a colour through d3 (the view's transform is numbers), and d3-color was about 3.5 KB of the
 * first paint's gzipped JavaScript (budget 200 KB, tests/e2e/specs/first-paint.mjs). For those two
 * importers only, `color()` answers null ("not a colour", so a string tweens as a string) and
 * the colour-space constructors throw if ever reached, so a future colour tween fails loudly.
 */
import type { Plugin } from 'vite';

const STUB_ID = '\0d3-without-colour';
/** The packages whose import of d3-color is replaced. */
const IMPORTERS = ['/d3-interpolate/', '/d3-transition/'];

/** The colour spaces d3-color exports besides `color` (d3-color's own export list). */
const SPACES = ['rgb', 'hsl', 'lab', 'hcl', 'lch', 'gray', 'cubehelix'];

export function d3ColourStub(): string {
  return [
    'export function color() { return null; }',
    'const leftOut = () => { throw new Error("d3-color is left out of archsim\'s build"); };',
    ...SPACES.map((name) => `export const ${name} = leftOut;`),
  ].join('\n');
}

export function d3WithoutColour(): Plugin {
  return {
    name: 'd3-without-colour',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== 'd3-color' || !importer) return null;
      return IMPORTERS.some((p) => importer.includes(p)) ? STUB_ID : null;
    },
    load(id) {
      return id === STUB_ID ? d3ColourStub() : null;
    },
  };
}
