// Selecting a node adds its own charts after latency, throughput and errors (those stay in the
// first row of the grid), and the other cards stay mounted (a remounted card starts again as the
// light plot and waits its turn to be a full chart).
import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import LiveCharts from '../../src/ui/charts/LiveCharts.tsx';
import { subscribeShownCharts } from '../../src/ui/charts/shownCharts.ts';
import { useAppStore } from '../../src/store/index.ts';
import { showWindows } from './liveChartsFixture.ts';
import { smallDoc } from '../worker/docs.ts';

describe('live charts grid', () => {
  it('keeps every card mounted when a node is selected, and puts its cards after the first three', () => {
    const doc = smallDoc();
    showWindows(doc, 5);
    render(<LiveCharts />);
    const card = (title: string) => screen.getByText(title).closest('figure');
    const before = ['End-to-end latency', 'Utilization', 'Queue (waiting)'].map(card);
    expect(before.every((f) => f !== null)).toBe(true);

    const node = doc.nodes.find((n) => n.type !== 'client');
    expect(node).toBeDefined();
    act(() => useAppStore.getState().select([node?.id ?? '']));
    const titles = [...document.querySelectorAll('.chart-card__title')].map((t) => t.textContent);
    expect(titles.slice(0, 3)).toEqual(['End-to-end latency', 'Throughput', 'Errors by reason']);
    expect(titles[3]).toBe(`${node?.label}: latency at this node (ms)`);
    const after = ['End-to-end latency', 'Utilization', 'Queue (waiting)'].map(card);
    after.forEach((f, i) => expect(f).toBe(before[i]));
  });
});

describe('live charts and the document', () => {
  it('draw again when a label changes, not when a node is dragged', () => {
    const doc = smallDoc();
    showWindows(doc, 5);
    render(<LiveCharts />);
    let draws = 0;
    const stop = subscribeShownCharts(() => (draws += 1));
    const node = doc.nodes.find((n) => n.type !== 'client');
    const id = node?.id ?? '';
    act(() => useAppStore.getState().moveNodes([{ id, position: { x: 400, y: 300 } }]));
    expect(draws).toBe(0);
    act(() => {
      useAppStore.getState().updateNodeLabel(id, 'Renamed');
    });
    expect(draws).toBe(1);
    stop();
  });
});
