import { describe, expect, it } from 'vitest';
import { migrate, type Migration } from '../../src/model/migrate.ts';
import { loadScenario } from '../../src/model/load.ts';

/** A made-up older format: version 0 called node types `kind` and durations `durationMs`. */
const fakeMigrations: Record<number, Migration> = {
  0: (doc) => {
    const { durationMs, nodes, ...rest } = doc as {
      durationMs?: number;
      nodes?: Array<Record<string, unknown>>;
    };
    return {
      doc: {
        ...rest,
        ...(durationMs !== undefined ? { durationS: durationMs / 1000 } : {}),
        nodes: (nodes ?? []).map(({ kind, ...n }) => ({ ...n, type: kind })),
      },
      warnings: ['upgraded from version 0'],
    };
  },
};

describe('migrate', () => {
  it('upgrades an older shape step by step, and the result loads', () => {
    const old = { version: 0, durationMs: 90_000, nodes: [{ id: 'api', kind: 'service' }] };
    const m = migrate(old, fakeMigrations, 1);
    if (!m.ok) throw new Error(m.error);
    expect(m.doc).toEqual({ version: 1, durationS: 90, nodes: [{ id: 'api', type: 'service' }] });
    expect(m.warnings).toEqual(['upgraded from version 0']);
    const loaded = loadScenario(m.doc);
    expect(loaded.ok && loaded.scenario.nodes[0]?.type).toBe('service');
  });

  it('chains steps up to the current version', () => {
    const steps: Record<number, Migration> = {
      1: (d) => ({ doc: { ...d, a: 1 } }),
      2: (d) => ({ doc: { ...d, b: (d['a'] as number) + 1 } }),
    };
    const m = migrate({ version: 1 }, steps, 3);
    expect(m.ok && m.doc).toEqual({ version: 3, a: 1, b: 2 });
  });

  it('refuses a version with no way up, a newer version and a nonsense version', () => {
    expect(migrate({ version: 0 }, {}, 1)).toEqual({
      ok: false,
      error: 'version: format version 0 is not supported (no way to upgrade it)',
      path: 'version',
    });
    const newer = loadScenario({ version: 2, nodes: [] });
    expect(newer.ok ? '' : newer.error).toBe(
      'version: this document was made by a newer archsim (format version 2); this one reads up to version 1',
    );
    const odd = loadScenario({ version: '1' });
    expect(odd.ok ? '' : odd.error).toBe('version: must be a whole number such as 1, got "1"');
  });

  it('reads a document without a version as the current one, with a warning', () => {
    const r = loadScenario({ nodes: [] });
    expect(r.ok && r.warnings).toEqual(['version: missing; read as version 1']);
  });
});
