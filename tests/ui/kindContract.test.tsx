/**
 * The kind contract: a kind made from one model description and one engine behaviour (the toy
 * kind of tests/kinds/toyKind.ts, registered at run time) and nothing else is offered by the
 * palette, edited by the inspector, drawn on the canvas, loaded, checked, carried by a share
 * link, run headless, charted live, modelled by the theory, hit by its faults, priced and
 * exported (docs/kinds.md lists the files a kind is made of).
 */
import { TOY_DELAY } from '../kinds/toyKind.ts'; // first: it registers the toy kind
import { beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactFlowProvider } from '@xyflow/react';
import { saturationPoints } from '../../src/analysis/capacity.ts';
import { designCost } from '../../src/analysis/cost.ts';
import { predictEndToEnd } from '../../src/analysis/endToEnd.ts';
import { runToEnd } from '../../src/analysis/runToEnd.ts';
import { theoryCompare } from '../../src/analysis/theoryCompare.ts';
import type { KindDescription } from '../../src/model/kinds/describe.ts';
import { canAddEdge } from '../../src/model/canAddEdge.ts';
import { loadScenario } from '../../src/model/load.ts';
import { decodeShareLink, encodeShareLink } from '../../src/model/shareLink.ts';
import type { Scenario } from '../../src/model/types.ts';
import { nodeSummary } from '../../src/ui/canvas/nodeSummary.ts';
import { Inspector } from '../../src/ui/inspector/Inspector.tsx';
import { Palette } from '../../src/ui/palette/Palette.tsx';
import { useAppStore } from '../../src/store/index.ts';
import { metricsHub } from '../../src/store/metricsHub.ts';
import LiveCharts from '../../src/ui/charts/LiveCharts.tsx';
import { canvasSvg } from '../../src/ui/export/canvasSvg.ts';
import { createSimulation } from '../../src/engine/simulation.ts';
import { layoutFor, packWindows, readNode } from '../../src/worker/frame.ts';
import { resetStore } from './editorHelpers.ts';

beforeEach(resetStore);

/** The toy's name, as a string: `NodeType` is the built-in kinds, known when compiling. */
const TOY: string = TOY_DELAY.type;

/** A client sending 50 rps to one toy node. */
function toyDocument(delayMs: number): Scenario {
  const r = loadScenario({
    version: 1,
    name: 'toy',
    durationS: 20,
    nodes: [
      { id: 'users', type: 'client', params: { arrival: { process: 'poisson', rps: 50 } } },
      { id: 'toy', type: TOY, params: { delayMs } },
    ],
    edges: [{ id: 'e1', source: 'users', target: 'toy' }],
  });
  if (!r.ok) throw new Error(r.error);
  return r.scenario;
}

describe('a kind made of one description and one behaviour', () => {
  it('is offered by the palette, with its label, summary and icon, and adds a node', async () => {
    render(
      <ReactFlowProvider>
        <Palette />
      </ReactFlowProvider>,
    );
    const button = screen.getByRole('button', { name: TOY_DELAY.label });
    expect(button.getAttribute('title')).toBe(TOY_DELAY.summary);
    expect(button.querySelector('svg')?.getAttribute('data-kind')).toBe(TOY);
    await userEvent.click(button);
    const { doc, selectedIds } = useAppStore.getState();
    const added = doc.nodes.filter((n) => n.type === TOY);
    expect(added.map((n) => n.params)).toEqual([{ delayMs: 5 }]);
    expect(selectedIds).toEqual([added[0]?.id]);
  });

  it('is edited by the inspector, with limits and default read from its schema', async () => {
    await userEvent.click(
      render(
        <ReactFlowProvider>
          <Palette />
        </ReactFlowProvider>,
      ).getByRole('button', { name: TOY_DELAY.label }),
    );
    const id = useAppStore.getState().selectedIds[0];
    render(<Inspector />);
    const delay = screen.getByLabelText('Delay');
    expect(screen.getByText(/Time to answer a request/).textContent).toContain(
      '(0 to 86400000 ms; default 5 ms)',
    );
    await userEvent.clear(delay);
    await userEvent.type(delay, '12');
    const node = useAppStore.getState().doc.nodes.find((n) => n.id === id);
    expect(node?.params).toEqual({ delayMs: 12 });
    expect(node && nodeSummary(node)).toBe('answers in 12 ms');
  });

  it('loads, is checked by its own rules and round-trips through a share link', () => {
    const doc = toyDocument(8);
    expect(doc.nodes[1]?.params).toEqual({ delayMs: 8 });
    const back = decodeShareLink(encodeShareLink(doc));
    expect(back.ok && back.scenario).toEqual(doc);
    expect(canAddEdge(doc, 'toy', 'users')).toEqual({
      ok: false,
      reason: 'nothing calls into a client: it only sends traffic',
    });
    const bad = loadScenario({
      ...doc,
      nodes: [doc.nodes[0], { ...doc.nodes[1], params: { delayMs: -1 } }],
    });
    expect(bad.ok ? '' : bad.error).toBe(
      'nodes[1].params.delayMs: must be a number from 0 to 86400000 ms, got -1',
    );
  });

  it('runs headless: every request answered after its delay', () => {
    const r = runToEnd(toyDocument(8), { seed: 1 });
    expect(r.requests.ok).toBeGreaterThan(500);
    expect(r.requests.failed).toBe(0);
    expect(r.latencyMs.p50).toBeGreaterThan(7.5);
    expect(r.latencyMs.p50).toBeLessThan(8.5);
  });

  it('is modelled by the analysis as its theory hook says: a delay without a queue', () => {
    const doc = toyDocument(8);
    expect(predictEndToEnd(doc)).toEqual({ meanMs: 8, p99Ms: 8 });
    const rows = theoryCompare(doc, runToEnd(doc, { seed: 1 }));
    const delay = rows.find((r) => r.nodeId === 'toy' && r.metric === 'mean latency (ms)');
    expect(delay).toMatchObject({ model: 'M/G/∞', predicted: 8 });
    expect(Math.abs(delay?.relativeError ?? 1)).toBeLessThan(0.01);
    expect(saturationPoints(doc)).toEqual([]); // no workers: it never saturates
  });

  it('cannot leave its theory hook out (checked by the compiler)', () => {
    const { theory: _theory, ...rest } = TOY_DELAY;
    // @ts-expect-error: a kind must say what the theory may model at it
    const incomplete: KindDescription = rest;
    expect('theory' in incomplete).toBe(false);
  });

  // Its rows in docs/format.md's generated tables: tests/model/kindDocsToy.test.ts.
  it('is priced and drawn in the SVG export', () => {
    const doc = toyDocument(8);
    expect(designCost(doc).lines.find((l) => l.nodeId === 'toy')).toMatchObject({
      instances: 1,
      perHour: TOY_DELAY.price.usd,
    });
    const { svg } = canvasSvg(doc);
    expect(svg).toContain(TOY_DELAY.colour);
    expect(svg).toContain(`>${TOY_DELAY.label}</text>`);
  });

  it('takes the faults its description lists, and only those', () => {
    const doc = toyDocument(8);
    const slowed = loadScenario({
      ...doc,
      faults: [{ atS: 0, kind: 'slow', target: 'toy', factor: 3 }],
    });
    if (!slowed.ok) throw new Error(slowed.error);
    const r = runToEnd(slowed.scenario, { seed: 1 });
    expect(r.latencyMs.p50).toBeGreaterThan(23.5);
    expect(r.latencyMs.p50).toBeLessThan(24.5);
    const flushed = loadScenario({ ...doc, faults: [{ atS: 1, kind: 'flush', target: 'toy' }] });
    expect(flushed.ok ? '' : flushed.error).toBe(
      `faults[0].target: a flush fault applies to cache, not to ${TOY} "toy"`,
    );
  });

  it('reports its own figures in the results JSON, the live frames and a chart', () => {
    const doc = toyDocument(8);
    const r = runToEnd(doc, { seed: 1 });
    const toy = JSON.parse(JSON.stringify(r)).nodes.toy;
    expect(toy.answered).toBe(r.requests.ok);
    const sim = createSimulation(doc);
    sim.runUntil(Infinity);
    const windows = sim.drainWindows();
    const layout = layoutFor(doc);
    const frames = packWindows(layout, windows);
    const index = layout.nodeIds.indexOf('toy');
    expect(readNode(layout, frames, 5, index)['answered']).toBe(windows[5]?.nodes['toy']?.answered);
    useAppStore.setState({ doc, selectedIds: ['toy'], runStatus: 'paused' });
    metricsHub.reset(layout);
    act(() => metricsHub.push(frames, windows.length));
    render(<LiveCharts />);
    expect(screen.getByText('toy: answered (requests)')).toBeDefined();
  });
});
