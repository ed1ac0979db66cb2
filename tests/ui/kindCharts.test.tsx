// Each kind's figures get a chart because the kind declares them: a real run of a document with
// a node of the kind, its windows packed into frames as the worker sends them, then the node
// selected: one chart per chart group of its declared figures that the node reported.
import { describe, expect, it } from 'vitest';
import { act, render } from '@testing-library/react';
import { createSimulation } from '../../src/engine/simulation.ts';
import { NODE_TYPES } from '../../src/model/kinds/index.ts';
import { metricsHub } from '../../src/store/metricsHub.ts';
import { useAppStore } from '../../src/store/index.ts';
import LiveCharts from '../../src/ui/charts/LiveCharts.tsx';
import { chartTitle, nodeCharts } from '../../src/ui/charts/figureCharts.ts';
import { layoutFor, packWindows } from '../../src/worker/frame.ts';
import { figureDocs } from '../model/figureDocs.ts';

const titles = () =>
  [...document.querySelectorAll('.chart-card__title')].map((t) => t.textContent ?? '');

describe("a kind's charts", () => {
  const docs = figureDocs();

  it.each(NODE_TYPES.filter((t) => nodeCharts(t).length > 0))(
    '%s: every chart group it declares is drawn for a node that reported it',
    (type) => {
      const drawn = new Set<string>();
      const declared = new Set(nodeCharts(type).map((spec) => spec.group));
      for (const doc of docs.filter((d) => d.nodes.some((n) => n.type === type))) {
        const sim = createSimulation(doc, { durationS: Math.min(doc.durationS, 40) });
        sim.runUntil(Infinity);
        const windows = sim.drainWindows();
        const layout = layoutFor(doc);
        useAppStore.setState({ doc, selectedIds: [], runStatus: 'paused' });
        metricsHub.reset(layout);
        act(() => metricsHub.push(packWindows(layout, windows), windows.length));
        const view = render(<LiveCharts />);
        for (const node of doc.nodes.filter((n) => n.type === type)) {
          act(() => useAppStore.getState().select([node.id]));
          for (const spec of nodeCharts(type))
            if (titles().includes(chartTitle(`${node.label}: `, spec))) drawn.add(spec.group);
        }
        view.unmount();
      }
      expect([...declared].filter((g) => !drawn.has(g))).toEqual([]);
    },
    60_000,
  );
});
