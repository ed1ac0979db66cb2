/** Document → share link → document, identical for every preset (deep equal after load). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/model/load.ts';
import { serializeScenario } from '../../src/model/serialize.ts';
import { decodeShareLink, encodeShareLink } from '../../src/model/shareLink.ts';

const DIR = join(import.meta.dirname, '../../presets');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json'));

describe('share links round-trip every preset', () => {
  it.each(FILES)('%s', (file) => {
    const loaded = loadScenario(readFileSync(join(DIR, file), 'utf8'));
    if (!loaded.ok) throw new Error(loaded.error);
    const link = encodeShareLink(loaded.scenario);
    expect(link).toMatch(/^[A-Za-z0-9_-]+$/);
    const back = decodeShareLink(link);
    if (!back.ok) throw new Error(back.error);
    expect(back.scenario).toEqual(loaded.scenario);
    // And through the exported file, the other way a document travels.
    const again = loadScenario(serializeScenario(back.scenario));
    expect(again.ok && again.scenario).toEqual(loaded.scenario);
  });
});
