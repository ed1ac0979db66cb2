// Every figure a lesson tells the user to look at is on screen: each preset's "Look at:" line is
// read against a vocabulary of figure names (the kinds' figure declarations and the run result's
// own fields), the preset is run headless, and the run report rendered from that run must show
// each figure it names, with a value.
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { createSimulation } from '../../src/engine/index.ts';
import type { SimResult, WindowStats } from '../../src/engine/types.ts';
import type { FigureDescriptor } from '../../src/model/kinds/figures.ts';
import { figuresOf } from '../../src/model/kinds/kindFigures.ts';
import { NODE_TYPES } from '../../src/model/kinds/index.ts';
import type { NodeType } from '../../src/model/types.ts';
import { useAppStore } from '../../src/store/index.ts';
import { loadCatalogue, type PresetEntry } from '../../src/ui/presets/catalogue.ts';
import { ReportTables } from '../../src/ui/report/ReportTables.tsx';
import { reportSections } from '../../src/ui/report/reportModel.ts';
import { PRESETS_DIR } from './reportHelpers.ts';

interface Named {
  key: string;
  /** Kinds that report it; empty for a field of the whole run's result. */
  kinds: NodeType[];
  label?: string;
}

/** "meanQueueLength" → "mean queue length", "rtoMs" → "rto": how prose names a field. */
const words = (key: string) =>
  key
    .replace(/(Ms|Rps|S)$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();

/** Every figure a lesson may name: by its key (in `code`), its label, or its key in words. */
type Vocabulary = Map<string, { named: Named; phrases: string[] }>;

function vocabulary(result: SimResult): Vocabulary {
  const vocab: Vocabulary = new Map();
  const add = (key: string, kind: NodeType | null, phrases: string[], label?: string) => {
    const named: Named = label === undefined ? { key, kinds: [] } : { key, kinds: [], label };
    const entry = vocab.get(key) ?? { named, phrases: [] };
    if (kind !== null && !entry.named.kinds.includes(kind)) entry.named.kinds.push(kind);
    entry.phrases.push(...phrases.map((p) => p.toLowerCase()));
    vocab.set(key, entry);
  };
  const declared = (kind: NodeType, f: FigureDescriptor) =>
    add(f.key, kind, [f.label, words(f.key)], f.label);
  for (const kind of NODE_TYPES) {
    for (const f of figuresOf(kind)) declared(kind, f);
  }
  for (const key of Object.keys(result)) add(key, null, [words(key)]);
  return vocab;
}

/** The lesson's "Look at:" paragraph. */
function lookAt(lesson: string): string {
  const line = lesson.split('\n').find((l) => l.startsWith('**Look at:**'));
  if (line === undefined) throw new Error('the lesson has no "**Look at:**" line');
  return line.slice('**Look at:**'.length);
}

/** The figures the paragraph names: a key in `code`, or a phrase as whole words. */
function namedFigures(text: string, vocab: Vocabulary): Named[] {
  const codes = [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  const prose = text.replace(/`[^`]+`/g, ' ').toLowerCase();
  const found: Named[] = [];
  for (const { named, phrases } of vocab.values()) {
    const inCode = codes.includes(named.key);
    const inWords = phrases.some((p) => new RegExp(`(^|[^\\w-])${p}([^\\w-]|$)`).test(prose));
    if (inCode || inWords) found.push(named);
  }
  return found;
}

function runHeadless(entry: PresetEntry): { result: SimResult; last: WindowStats | undefined } {
  const sim = createSimulation(entry.doc, { eventBudget: 50_000_000 });
  sim.runUntil(Infinity);
  return { result: sim.snapshot(), last: sim.drainWindows().at(-1) };
}

const PRESETS = readdirSync(PRESETS_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

/** What the lessons that once named figures shown nowhere, and the consistency lessons, must
 *  still find on screen. */
const MUST_NAME: Record<string, string[]> = {
  'read-replicas': ['staleReads', 'utilization'],
  'failover-active-passive': ['refusedWrites', 'lostWrites', 'rtoMs', 'rpoMs', 'errorRate'],
  'sharding-hot-key': ['shardCalls', 'utilization'],
  'queue-load-levelling': ['depth', 'messageAgeMs', 'arrivals'],
  'autoscaling-reactive': ['replicas', 'healthyReplicas', 'errorRate'],
  'littles-law': ['throughputRps', 'latencyMs', 'utilization', 'meanQueueLength'],
  'cap-partition': ['staleReadShare', 'stalenessMs', 'refused', 'errorRate'],
  'replication-sync-async': ['latencyMs', 'utilization', 'staleReadShare', 'stalenessMs'],
  'redundancy-n-plus-1': [
    'availability',
    'nines',
    'downtimeMinPerMonth',
    'incidents',
    'replicasUp',
  ],
};

describe('every figure a lesson names is on screen', () => {
  let catalogue: PresetEntry[] = [];
  beforeAll(async () => {
    catalogue = await loadCatalogue();
  });

  it('the catalogue offers every preset', () => {
    expect(catalogue.map((e) => e.id).sort()).toEqual(PRESETS);
  });

  it.for(PRESETS)('%s', (name) => {
    const entry = catalogue.find((e) => e.id === name);
    if (entry === undefined) throw new Error(`${name} is not in the catalogue`);
    const { result, last } = runHeadless(entry);
    const kinds = new Set(entry.doc.nodes.map((n) => n.type));
    // A name of a kind the design does not have is another figure's homonym, not this lesson's.
    const named = namedFigures(lookAt(entry.text), vocabulary(result)).filter(
      (f) => f.kinds.length === 0 || f.kinds.some((k) => kinds.has(k)),
    );
    expect(named.length, 'figures the lesson names').toBeGreaterThan(0);
    expect(named.map((f) => f.key)).toEqual(expect.arrayContaining(MUST_NAME[name] ?? []));

    useAppStore.getState().setDoc(entry.doc);
    const sections = reportSections({
      nodes: entry.doc.nodes,
      edges: entry.doc.edges,
      result,
      window: last?.nodes,
      // As RunReport passes them: the regions table is where a lesson's "regions" figures are.
      regions: entry.doc.regions?.map((r) => r.name),
    });
    const { container, unmount } = render(<ReportTables sections={sections} mode="readable" />);
    for (const f of named) {
      const rows = [...container.querySelectorAll<HTMLTableRowElement>('tbody tr')].filter(
        (tr) => (tr.dataset.figure ?? '').split('.')[0] === f.key,
      );
      const shown = rows.filter((tr) =>
        [...tr.querySelectorAll('td')].some((td) => /\d/.test(td.textContent ?? '')),
      );
      expect(shown.length, `${name}: "${f.key}" has a row with a value`).toBeGreaterThan(0);
      if (f.label !== undefined && f.kinds.length > 0) {
        const headings = shown.map((tr) => tr.querySelector('th')?.textContent ?? '');
        expect(
          headings.some((h) => h.startsWith(f.label ?? '')),
          `${name}: ${f.key}`,
        ).toBe(true);
      }
    }
    unmount();
  });
});

/** Durations a lesson quotes, which the screen must read exactly as the lesson writes them. */
const QUOTED: Array<{ preset: string; figure: string; text: string }> = [
  { preset: 'failover-active-passive', figure: 'rpoMs', text: '1.48 s' },
  { preset: 'failover-active-passive', figure: 'rtoMs', text: '15 s' },
];

describe('the lesson and the screen agree on the figures the lesson quotes', () => {
  it.for(QUOTED)('$preset: $figure reads $text in both', async ({ preset, figure, text }) => {
    const entry = (await loadCatalogue()).find((e) => e.id === preset);
    if (entry === undefined) throw new Error(`${preset} is not in the catalogue`);
    expect(entry.text).toContain(`${text}`);
    const { result, last } = runHeadless(entry);
    useAppStore.getState().setDoc(entry.doc);
    const sections = reportSections({ nodes: entry.doc.nodes, result, window: last?.nodes });
    const { container, unmount } = render(<ReportTables sections={sections} mode="readable" />);
    const cells = [...container.querySelectorAll<HTMLTableRowElement>('tbody tr')]
      .filter((tr) => (tr.dataset.figure ?? '').split('.')[0] === figure)
      .flatMap((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''));
    expect(cells).toContain(text);
    unmount();
  });
});
