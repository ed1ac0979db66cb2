/**
 * Each preset is a lesson: a name, a topic for the presets menu, and a Markdown description
 * that says what to look at and what to try. Names are unique so the menu never shows two
 * entries that look the same.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/model/load.ts';
import type { Scenario } from '../../src/model/types.ts';

const DIR = join(import.meta.dirname, '../../presets');
const DOCS: Array<[string, Scenario]> = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const r = loadScenario(readFileSync(join(DIR, f), 'utf8'));
    if (!r.ok) throw new Error(`${f}: ${r.error}`);
    return [f, r.scenario];
  });

describe('presets as lessons', () => {
  it.each(DOCS)('%s has a topic, a heading and something to try', (_f, doc) => {
    expect(doc.topic?.trim()).toBeTruthy();
    expect(doc.description).toMatch(/^# /);
    expect(doc.description).toMatch(/\*\*Try this/);
    expect(doc.description).toMatch(/\*\*Look at/);
  });

  it('names are unique', () => {
    const names = DOCS.map(([, d]) => d.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('no description carries raw HTML (the lesson panel would show it as text)', () => {
    for (const [, d] of DOCS) expect(d.description).not.toMatch(/<[a-z/!]/i);
  });
});
