// Which fault kinds fit which target (the model's FAULT_KINDS rules), how faults are named, when
// they are active, and the model's check of a fault before it is added.
import { describe, expect, it } from 'vitest';
import { loadScenarioOrThrow } from '../../src/model/load.ts';
import {
  checkFault,
  faultEnd,
  faultLabel,
  faultName,
  isActive,
  kindsFor,
} from '../../src/ui/faults/faultInfo.ts';
import replicas from '../../presets/read-replicas.json';
import stampede from '../../presets/cache-stampede.json';
import { presetDoc } from './helpers.ts';

describe('fault kinds per target', () => {
  it('follows the model: databases, caches, clients, call and replication edges', () => {
    const db = loadScenarioOrThrow(replicas);
    expect(kindsFor(db, 'primary')).toEqual(['crash', 'slow', 'cpu', 'error', 'pause', 'failures']);
    expect(kindsFor(db, 'readers')).toEqual(['spike']);
    expect(kindsFor(db, 'e-api-primary')).toEqual(['partition', 'loss', 'latency']);
    expect(kindsFor(db, 'e-repl-1')).toEqual(['partition', 'loss', 'latency', 'lag']);
    expect(kindsFor(db, 'nothing')).toEqual([]);
    const cache = loadScenarioOrThrow(stampede);
    expect(kindsFor(cache, 'cache')).toEqual(['crash', 'slow', 'flush', 'failures']);
  });
});

describe('fault names and activity', () => {
  const doc = presetDoc();
  it('names a fault by kind, target label, time and length', () => {
    const crash = { atS: 60, forS: 30, kind: 'crash' as const, target: 'api', replicas: 1 };
    expect(faultLabel(doc, crash)).toBe('crash API ×1');
    expect(faultName(doc, crash)).toBe('crash on API at 60 s for 30 s');
    const loss = { atS: 12.5, kind: 'loss' as const, target: 'e2', probability: 0.1 };
    expect(faultLabel(doc, loss)).toBe('loss Load balancer → API 10%');
    expect(faultName(doc, loss)).toBe('loss on Load balancer → API at 12.5 s to the end');
  });

  it('is active from its start, up to (not at) its end; a flush is an instant', () => {
    const slow = { atS: 10, forS: 5, kind: 'slow' as const, target: 'api', factor: 3 };
    expect([9.9, 10, 14.9, 15].map((t) => isActive(slow, t))).toEqual([false, true, true, false]);
    expect(faultEnd({ atS: 100, kind: 'crash', target: 'api' }, 120)).toBe(120);
    expect(faultEnd({ atS: 100, forS: 50, kind: 'crash', target: 'api' }, 120)).toBe(120);
    expect(isActive({ atS: 10, kind: 'flush', target: 'c' }, 10)).toBe(false);
  });

  it('checks a fault through the model and names the refused field', () => {
    expect(checkFault(doc, { atS: 0, kind: 'crash', target: 'api', replicas: 2 }).ok).toBe(true);
    const r = checkFault(doc, { atS: 0, kind: 'slow', target: 'api', factor: -1 });
    expect(r.ok).toBe(false);
    expect(r.field).toBe('factor');
    const wrong = checkFault(doc, { atS: 0, kind: 'crash', target: 'e2' });
    expect(!wrong.ok && wrong.message).toMatch(/no node has the id "e2" \("e2" is an edge/);
  });
});
