import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cells,
  faultTable,
  FORMAT_DOC,
  generatedParts,
  kindTables,
} from '../../scripts/kindDocs.ts';

describe('docs/format.md', () => {
  it("holds the kinds' and faults' tables as the registry writes them (run `npm run docs` after a change)", () => {
    const parts = generatedParts(readFileSync(FORMAT_DOC, 'utf8'));
    expect(parts).not.toBeNull();
    expect(cells(parts?.[0] ?? '')).toBe(cells(kindTables()));
    expect(cells(parts?.[1] ?? '')).toBe(cells(faultTable()));
  });
});
