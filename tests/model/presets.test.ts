/** Every preset loads cleanly and survives a share link unchanged. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/model/load.ts';
import { decodeShareLink, encodeShareLink } from '../../src/model/shareLink.ts';
import { PRESET_NAME } from '../../src/model/location.ts';

const DIR = join(import.meta.dirname, '../../presets');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json'));

describe('presets', () => {
  it('there is at least one', () => {
    expect(FILES.length).toBeGreaterThan(0);
  });

  it.each(FILES)('%s loads without warnings and round-trips through a share link', (file) => {
    expect(file.replace(/\.json$/, '')).toMatch(PRESET_NAME);
    const r = loadScenario(readFileSync(join(DIR, file), 'utf8'));
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings).toEqual([]);
    const back = decodeShareLink(encodeShareLink(r.scenario));
    expect(back.ok && back.scenario).toEqual(r.scenario);
  });
});
