/**
 * The tracer-free build (`npm run bench -- --tracing-cost --tracer-free`) takes out exactly the
 * tracer's call sites: a file that still named a trace row after it would make "tracing off
 * against no tracer" compare an engine with itself; a line it cannot take out whole fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutTracer } from '../../src/cli/benchTracerFree.ts';

function engineFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === 'tracing'
        ? []
        : engineFiles(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('withoutTracer', () => {
  it("leaves no trace row or tracer named in the engine's code", () => {
    let removed = 0;
    for (const f of engineFiles('src/engine')) {
      const r = withoutTracer(readFileSync(f, 'utf8'));
      removed += r.removed;
      const code = r.code
        .split('\n')
        .filter((l) => !/^\s*(\/\/|\/?\*)/.test(l))
        .join('\n');
      expect(code, f).not.toMatch(/\w\.span\b|\w\.tracer\b|\bsenderSpan\b/);
    }
    // A request's start and end, a hop's opening and its steps in the kernel at least.
    expect(removed).toBeGreaterThanOrEqual(10);
  });

  it('takes out whole statements and keeps the lines around them', () => {
    const src = ['a();', '    if (c.span !== null) c.span.arrived(this.now);', 'b();'].join('\n');
    expect(withoutTracer(src)).toEqual({ code: 'a();\n\nb();', removed: 1 });
  });

  it('refuses a tracer line it cannot take out whole', () => {
    expect(() => withoutTracer('    if (c.span !== null) {')).toThrow(/not a statement/);
  });
});
