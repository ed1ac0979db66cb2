import { describe, expect, it } from 'vitest';
import { designCost } from '../../src/analysis/cost.ts';
import { runToEnd } from '../../src/analysis/runToEnd.ts';
import { reportSections } from '../../src/ui/report/reportModel.ts';
import { reportFileHtml, reportFileMarkdown } from '../../src/ui/report/reportExport.ts';
import { design } from '../analysis/helpers.ts';

const doc = design(
  [
    { id: 'c', type: 'client', params: { arrival: { process: 'poisson', rps: 50 } } },
    { id: 'api', type: 'service', label: 'API <v2>', params: { replicas: 2, size: 'medium' } },
  ],
  [['c', 'api']],
  { name: 'Checkout & co', durationS: 20 },
);
const result = runToEnd(doc, { windows: true });
const file = {
  doc,
  result,
  sections: reportSections({ nodes: doc.nodes, result }),
  mode: 'readable' as const,
  cost: designCost(doc, result),
};

describe('the report as a file', () => {
  it('in Markdown: key figures, cost itemised, the timeline as a table, every figure, the design', () => {
    const md = reportFileMarkdown(file);
    expect(md).toMatch(/^# Checkout & co\n/);
    expect(md).toContain('| Seed | 1 |');
    expect(md).toContain('| API <v2> | 2 medium replicas × $0.20/h | $0.40 |');
    expect(md).toContain('## Over time');
    // One row per point of the timeline (at most 20), each with its time.
    const overTime = md.split('## Over time')[1]!.split('##')[0]!;
    expect(overTime.trim().split('\n').length).toBe(2 + Math.min(20, result.timeline.length));
    expect(md).toContain('### Service');
    expect(md).toContain('"size": "medium"');
  });

  it('in HTML: self-contained, names escaped, the design and the charts inline SVG', () => {
    const html = reportFileHtml(file);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<h1>Checkout &amp; co</h1>');
    expect(html).not.toContain('API <v2>');
    expect(html).toContain('API &lt;v2&gt;');
    // The design's picture and two charts.
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(3);
    expect(html).not.toMatch(/<script|<link|src="http/);
  });
});
