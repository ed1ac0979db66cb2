import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactFlowProvider } from '@xyflow/react';
import { Palette } from '../../src/ui/palette/Palette.tsx';
import { KIND_DESCRIPTIONS, NODE_TYPES } from '../../src/model/kinds/index.ts';
import { useAppStore } from '../../src/store/index.ts';
import { resetStore } from './editorHelpers.ts';

beforeEach(resetStore);

const renderPalette = () =>
  render(
    <ReactFlowProvider>
      <Palette />
    </ReactFlowProvider>,
  );

describe('palette', () => {
  it('offers every kind as a button named exactly by its label, in palette order', () => {
    renderPalette();
    const shown = screen
      .getAllByRole('button')
      .map((b) => b.querySelector('.palette__label')?.textContent);
    expect(shown).toEqual(NODE_TYPES.map((t) => KIND_DESCRIPTIONS[t].label));
    for (const type of NODE_TYPES) {
      const button = screen.getByRole('button', { name: KIND_DESCRIPTIONS[type].label });
      expect(button.getAttribute('title')).toBe(KIND_DESCRIPTIONS[type].summary);
    }
  });

  it('adds a node of the clicked kind and selects it', async () => {
    renderPalette();
    await userEvent.click(screen.getByRole('button', { name: KIND_DESCRIPTIONS.cache.label }));
    const { doc, selectedIds } = useAppStore.getState();
    const added = doc.nodes.filter((n) => n.type === 'cache');
    expect(added).toHaveLength(1);
    expect(selectedIds).toEqual([added[0]?.id]);
  });

  it('two clicks give two nodes that do not sit on top of each other', async () => {
    renderPalette();
    const button = screen.getByRole('button', { name: KIND_DESCRIPTIONS.database.label });
    await userEvent.click(button);
    await userEvent.click(button);
    const dbs = useAppStore.getState().doc.nodes.filter((n) => n.type === 'database');
    expect(dbs).toHaveLength(2);
    expect(dbs[0]?.position).not.toEqual(dbs[1]?.position);
  });

  it('draws each kind with its own SVG icon, never a glyph that needs an emoji font', () => {
    renderPalette();
    const drawings = new Set<string>();
    for (const type of NODE_TYPES) {
      const button = screen.getByRole('button', { name: KIND_DESCRIPTIONS[type].label });
      const icon = button.querySelector('.palette__icon');
      const svg = icon?.querySelector('svg');
      expect(svg?.getAttribute('data-kind')).toBe(type);
      expect(svg?.querySelectorAll('path, circle, rect, ellipse').length).toBeGreaterThan(0);
      expect(icon?.textContent).toBe('');
      expect(button.textContent).not.toContain(KIND_DESCRIPTIONS[type].icon);
      drawings.add(svg?.innerHTML ?? '');
    }
    expect(drawings.size).toBe(NODE_TYPES.length);
  });
});
