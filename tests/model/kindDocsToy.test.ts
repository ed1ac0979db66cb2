/**
 * The kind contract, for the docs: the toy kind (tests/kinds/toyKind.ts, one description and one
 * behaviour) gets its section in docs/format.md's generated tables, params read from its schema.
 */
import { TOY_DELAY } from '../kinds/toyKind.ts'; // first: it registers the toy kind
import { describe, expect, it } from 'vitest';
import { faultTable, kindTables } from '../../scripts/kindDocs.ts';

describe("the docs' tables", () => {
  it('hold a kind made of one description and one behaviour', () => {
    const tables = kindTables();
    expect(tables).toContain(`### \`${TOY_DELAY.type}\`: ${TOY_DELAY.label}`);
    expect(tables).toContain('| `delayMs` | Time to answer a request. | 0 to 86400000 ms | 5 ms |');
    expect(faultTable()).toMatch(/\| `slow` \|[^\n]*node: [^\n|]*toyDelay/);
  });
});
