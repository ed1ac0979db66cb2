import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cells, FORMAT_DOC } from '../../scripts/kindDocs.ts';
import { metricPart, metricTable } from '../../scripts/objectiveDocs.ts';

describe('docs/format.md', () => {
  it('holds the objective metrics as src/model/objectiveMetrics.ts describes them (run `npm run docs`)', () => {
    const part = metricPart(readFileSync(FORMAT_DOC, 'utf8'));
    expect(part).not.toBeNull();
    expect(cells(part ?? '')).toBe(cells(metricTable()));
  });
});
