/**
 * What the runner reads: every loader warning on standard error (`--strict` refuses instead),
 * a UTF-8 byte-order mark read as the browser reads it, and a size cap applied while reading.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileCapped, TooLargeError } from '../../src/cli/loadArgs.ts';
import { main, type Io } from '../../src/cli/sim.ts';

const doc = (serviceParams: Record<string, unknown>) =>
  JSON.stringify({
    version: 1,
    durationS: 5,
    nodes: [
      { id: 'users', type: 'client', params: { arrival: { process: 'poisson', rps: 20 } } },
      { id: 'api', type: 'service', params: serviceParams },
    ],
    edges: [{ id: 'e1', source: 'users', target: 'api' }],
  });

function run(text: string, flags: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), readFile: () => text };
  const code = main(['doc.json', '--json', ...flags], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('sim: warnings reach standard error', () => {
  it('a misspelled field runs, with the warning and its suggestion on stderr', () => {
    const r = run(doc({ wrokers: 8 }));
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      'sim: doc.json: warning: nodes[1].params: unknown field "wrokers" ignored (did you mean "workers"?)',
    );
    expect(JSON.parse(r.out).nodes.api).toBeDefined();
  });

  it('--strict refuses the same document with exit 2 and prints nothing on stdout', () => {
    const r = run(doc({ wrokers: 8, teleport: true }), ['--strict']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toEqual([
      'sim: doc.json: error (--strict): nodes[1].params: unknown fields "wrokers", "teleport" ignored (did you mean "workers"?)',
    ]);
  });

  it('a clean document prints nothing on stderr, with or without --strict', () => {
    for (const flags of [[], ['--strict']]) {
      const r = run(doc({ workers: 8 }), flags);
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
    }
  });
});

describe('sim: reading the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sim-input-'));

  it('a UTF-8 file with a byte-order mark loads, as the browser imports it', () => {
    const file = join(dir, 'bom.json');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc({}))]));
    expect(readFileCapped(file, 1e6).startsWith('{')).toBe(true);
    // The loader drops a mark that reaches it as text, too (a pasted or piped document).
    expect(run('\uFEFF' + doc({})).code).toBe(0);
  });

  it('stops reading an endless file at the cap: exit 2 with the size in the message', () => {
    expect(() => readFileCapped('/dev/zero', 1_000_000)).toThrow(TooLargeError);
    const err: string[] = [];
    const io: Io = {
      out: () => {},
      err: (t) => err.push(t),
      readFile: (p, max) => readFileCapped(p, max),
    };
    const t0 = performance.now();
    expect(main(['/dev/zero'], io)).toBe(2);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(err).toEqual(['sim: /dev/zero: is larger than 20000000 bytes: not read further']);
  });

  it('a file at the cap is read whole', () => {
    const file = join(dir, 'exact.json');
    writeFileSync(file, 'x'.repeat(200_000));
    expect(readFileCapped(file, 200_000)).toHaveLength(200_000);
    expect(() => readFileCapped(file, 199_999)).toThrow(TooLargeError);
  });
});
