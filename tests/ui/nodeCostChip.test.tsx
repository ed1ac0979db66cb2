// The canvas chip's cost is the inspector's (one pricing per document): it changes with a size,
// not with a drag, and a client shows none.
import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { designCost, type Cost } from '../../src/analysis/cost.ts';
import { useAppStore } from '../../src/store/index.ts';
import NodeCost from '../../src/ui/report/NodeCost.tsx';
import NodeCostChip from '../../src/ui/report/NodeCostChip.tsx';
import { formatUsd } from '../../src/ui/report/costText.ts';
import { useDesignCost } from '../../src/ui/report/useDesignCost.ts';
import { resetStore } from './editorHelpers.ts';

beforeEach(resetStore);

const apiPerHour = () =>
  designCost(useAppStore.getState().doc).lines.find((l) => l.nodeId === 'api')!.perHour;

describe('the cost on a node chip', () => {
  it('reads as the inspector does, and follows the instance size', () => {
    render(
      <>
        <NodeCostChip nodeId="api" />
        <NodeCost nodeId="api" />
      </>,
    );
    const chip = screen.getByTestId('node-chip-cost');
    expect(chip.textContent).toBe(`${formatUsd(apiPerHour())}/h`);
    expect(screen.getByTestId('node-cost').textContent).toContain(`${formatUsd(apiPerHour())}/h`);
    const small = apiPerHour();
    const params = useAppStore.getState().doc.nodes.find((n) => n.id === 'api')!.params;
    act(() => void useAppStore.getState().updateNodeParams('api', { ...params, size: 'large' }));
    expect(apiPerHour()).toBeCloseTo(4 * small, 12);
    expect(chip.textContent).toBe(`${formatUsd(4 * small)}/h`);
    expect(chip.title).toMatch(/large replica/);
  });

  it('keeps its pricing while a node is dragged; a client shows no cost', () => {
    const doc = useAppStore.getState().doc;
    const client = doc.nodes.find((n) => n.type === 'client')!;
    const { container } = render(<NodeCostChip nodeId={client.id} />);
    expect(container.textContent).toBe('');
    const seen = new Set<Cost>();
    function Probe() {
      seen.add(useDesignCost());
      return null;
    }
    render(<Probe />);
    act(() => useAppStore.getState().moveNodes([{ id: 'api', position: { x: 999, y: 5 } }]));
    expect(useAppStore.getState().doc).not.toBe(doc);
    // A new document, the same pricing: one Cost seen, so nothing reading it re-rendered.
    expect(seen.size).toBe(1);
    act(() => void useAppStore.getState().updateNodeParams('api', { replicas: 5 }));
    expect(seen.size).toBe(2);
  });
});
