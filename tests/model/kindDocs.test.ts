import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cells, FORMAT_DOC, generatedPart, kindTables } from '../../scripts/kindDocs.ts';

describe('docs/format.md', () => {
  it("holds the kinds' tables as the registry writes them (run `npm run docs` after a change)", () => {
    const part = generatedPart(readFileSync(FORMAT_DOC, 'utf8'));
    expect(part).not.toBeNull();
    expect(cells(part ?? '')).toBe(cells(kindTables()));
  });
});
