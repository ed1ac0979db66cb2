/**
 * The fault kinds are described from one place each: the fields' limits and defaults from the
 * fault's schema (every schema field has a descriptor, none more), and the node kinds a fault
 * may hit from the kinds' own descriptions.
 */
import { describe, expect, it } from 'vitest';
import { faultSchema } from '../../src/model/kinds/fault.ts';
import { FAULT_KINDS, KIND_DESCRIPTIONS, NODE_TYPES } from '../../src/model/kinds/index.ts';
import { callableNodeTypes } from '../../src/model/kinds/index.ts';
import { emptyText } from '../../src/model/kinds/fieldText.ts';

describe('fault kinds', () => {
  it('describe every field of their schema, with its limits and default', () => {
    const undescribed: string[] = [];
    for (const variant of faultSchema.options) {
      const kind = variant.shape.kind.value;
      const own = Object.keys(variant.shape).filter((k) => k !== 'kind' && k !== 'target');
      const described = FAULT_KINDS[kind].fields.map((d) => d.key);
      expect(own, kind).toEqual(expect.arrayContaining(described));
      undescribed.push(...own.filter((k) => !described.includes(k)).map((k) => `${kind}.${k}`));
    }
    // A flush happens at an instant: how long it lasts means nothing, so the editor hides it.
    expect(undescribed).toEqual(['flush.forS']);
    expect(FAULT_KINDS.slow.fields.find((d) => d.key === 'factor')).toMatchObject({
      min: 0,
      minExclusive: true,
      max: 1000,
      default: 5,
    });
    expect(FAULT_KINDS.crash.fields.find((d) => d.key === 'forS')).toMatchObject({
      min: 0,
      minExclusive: true,
      unit: 's',
      optional: true,
    });
  });

  it('hit the node kinds whose descriptions take them', () => {
    for (const d of Object.values(FAULT_KINDS)) {
      if (d.target !== 'node') continue;
      const takes = NODE_TYPES.filter((t) =>
        d.kind === 'crash' || d.kind === 'failures'
          ? KIND_DESCRIPTIONS[t].refusesCalls === undefined
          : (KIND_DESCRIPTIONS[t].faults as readonly string[]).includes(d.kind),
      );
      expect(d.nodeTypes, d.kind).toEqual(takes);
    }
    expect(FAULT_KINDS.crash.nodeTypes).toEqual(callableNodeTypes());
    expect(FAULT_KINDS.slow.nodeTypes).toEqual(['service', 'cache', 'queue', 'stream', 'database']);
    expect(FAULT_KINDS.flush.nodeTypes).toEqual(['cache']);
    expect(FAULT_KINDS.spike.nodeTypes).toEqual(['client']);
  });
});

describe('an empty optional field says what it means', () => {
  const byKey = (kind: keyof typeof FAULT_KINDS, key: string) =>
    FAULT_KINDS[kind].fields.find((f) => f.key === key)!;
  it('the placeholder is the help’s “Empty = …”: a zone MTBF left empty means no zone outages', () => {
    expect(emptyText(byKey('failures', 'zoneMtbfS'))).toBe('none');
    expect(emptyText(byKey('failures', 'zoneMttrS'))).toBe('the MTTR');
    expect(emptyText(byKey('failures', 'forS'))).toBe('to the end of the run');
    expect(emptyText(byKey('crash', 'replicas'))).toBe('all');
  });
  it('every optional fault field says it in its help', () => {
    for (const k of Object.values(FAULT_KINDS))
      for (const f of k.fields.filter((x) => x.optional))
        expect(f.help, `${k.kind}.${f.key}`).toMatch(/Empty = [^.]+\./);
  });
});
