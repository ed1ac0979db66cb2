import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ImportButton } from '../../src/ui/export/ImportButton.tsx';
import { importText } from '../../src/ui/export/importDocument.ts';
import { canvasSvg } from '../../src/ui/export/canvasSvg.ts';
import { nodeSummary } from '../../src/ui/canvas/nodeSummary.ts';
import { fileStem } from '../../src/ui/export/download.ts';
import { metricsCsv } from '../../src/ui/export/metricsCsv.ts';
import { Notices } from '../../src/ui/layout/Notices.tsx';
import { MetricsBuffer } from '../../src/store/metricsBuffer.ts';
import { layoutFor, packWindows } from '../../src/worker/frame.ts';
import { createSimulation } from '../../src/engine/index.ts';
import { serializeScenario } from '../../src/model/serialize.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';
import { useAppStore } from '../../src/store/index.ts';
import stampede from '../../presets/cache-stampede.json';
import { resetStore } from './editorHelpers.ts';

beforeEach(resetStore);

function chooseFile(text: string, name = 'scenario.json') {
  const input = screen.getByLabelText<HTMLInputElement>('Import JSON');
  fireEvent.change(input, {
    target: { files: [new File([text], name, { type: 'application/json' })] },
  });
}

describe('import', () => {
  it('a malformed file shows an alert and changes nothing', async () => {
    render(
      <>
        <Notices />
        <ImportButton />
      </>,
    );
    const before = useAppStore.getState().doc;
    chooseFile('{"version": 1, "nodes": [', 'broken.json');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('"broken.json" is not a JSON file');
    expect(useAppStore.getState().doc).toBe(before);
  });

  it('a file that breaks the contract names the field, and changes nothing', async () => {
    render(
      <>
        <Notices />
        <ImportButton />
      </>,
    );
    const before = useAppStore.getState().doc;
    chooseFile(
      JSON.stringify({ version: 1, nodes: [{ id: 'a', type: 'service', params: { workers: 0 } }] }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('nodes[0].params.workers');
    expect(useAppStore.getState().doc).toBe(before);
  });

  it('an exported file comes back as the same document, as one undo step', async () => {
    render(<ImportButton />);
    const doc = loadScenarioOrThrow(stampede);
    chooseFile(serializeScenario(doc));
    await waitFor(() => expect(useAppStore.getState().doc).toEqual(doc));
    useAppStore.temporal.getState().undo();
    expect(useAppStore.getState().doc.name).not.toBe(doc.name);
  });

  it('a file that starts with a byte-order mark imports, as on the command line', async () => {
    render(<ImportButton />);
    const doc = loadScenarioOrThrow(stampede);
    chooseFile('\uFEFF' + serializeScenario(doc));
    await waitFor(() => expect(useAppStore.getState().doc).toEqual(doc));
    // Text handed over without the file's decoding (which drops the mark) is read the same.
    expect(importText('a.json', '\uFEFF' + serializeScenario(doc))).toMatchObject({ ok: true });
  });

  it('importText refuses text too large or not a scenario, with a reason', () => {
    expect(importText('a.json', 'null')).toMatchObject({ ok: false });
    expect(importText('a.json', 'x'.repeat(5_000_001))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^"a\.json" is too large \(5000001 characters; at most /),
    });
  });
});

describe('export', () => {
  it('file names come from the scenario name', () => {
    expect(fileStem('Cache stampede: a flush in front of a small backend')).toBe(
      'cache-stampede-a-flush-in-front-of-a-small-backend',
    );
    expect(fileStem('???')).toBe('scenario');
  });

  it('the canvas SVG draws every node and edge, with labels as text, never markup', () => {
    const doc = loadScenarioOrThrow(stampede);
    doc.nodes[0]!.label = '<script>alert(1)</script> & co';
    const { svg, width, height } = canvasSvg(doc);
    const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(parsed.querySelector('parsererror')).toBeNull();
    expect(parsed.querySelectorAll('script')).toHaveLength(0);
    expect(parsed.querySelectorAll('g')).toHaveLength(doc.nodes.length);
    expect(parsed.querySelectorAll('line')).toHaveLength(doc.edges.length);
    const texts = [...parsed.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain('<script>alert(1)</scr…');
    expect(texts).toContain('Origin service');
    // Each node carries the line of params the canvas shows under its label.
    for (const node of doc.nodes) {
      const line = nodeSummary(node);
      expect(texts.some((t) => t !== null && line.startsWith(t.replace(/…$/, '')))).toBe(true);
    }
    // Every node fits inside the picture.
    const xs = doc.nodes.map((n) => n.position.x);
    expect(width).toBeGreaterThanOrEqual(Math.max(...xs) - Math.min(...xs) + 200);
    expect(height).toBeGreaterThan(56);
  });

  it("the metrics CSV has one row per window, with the run's own figures", () => {
    const doc = loadScenarioOrThrow(stampede);
    const sim = createSimulation(doc, { durationS: 20 });
    sim.runUntil(20);
    const windows = sim.drainWindows();
    const layout = layoutFor(doc);
    const buffer = new MetricsBuffer();
    buffer.reset(layout);
    buffer.push(packWindows(layout, windows), windows.length);

    const lines = metricsCsv(buffer).trim().split('\n');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 2)).toEqual(['tS', 'startS']);
    expect(header).toContain('origin.utilization');
    expect(header).toContain('e-cache-origin.calls');
    expect(lines).toHaveLength(windows.length + 1);
    const last = lines.at(-1)!.split(',');
    const at = (col: string) => Number(last[header.indexOf(col)]);
    expect(at('tS')).toBe(20);
    expect(at('throughputRps')).toBeCloseTo(windows.at(-1)!.throughputRps, 6);
    expect(at('origin.arrivals')).toBe(windows.at(-1)!.nodes['origin']!.arrivals);
    expect(metricsCsv(new MetricsBuffer())).toBe('');
  });
});
