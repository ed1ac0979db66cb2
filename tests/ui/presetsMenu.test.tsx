import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PresetsMenu } from '../../src/ui/presets/PresetsMenu.tsx';
import { groupPresets, loadCatalogue } from '../../src/ui/presets/catalogue.ts';
import { presetNames } from '../../src/ui/layout/presets.ts';
import { useAppStore } from '../../src/store/index.ts';
import { resetStore } from './editorHelpers.ts';
import { useAnalysisStore } from '../../src/ui/analysis/analysisStore.ts';
import { makeVariantB, switchEditing } from '../../src/ui/analysis/variants.ts';

beforeEach(() => {
  resetStore();
  useAnalysisStore.setState({ editing: 'A', variantB: null, asideA: null });
});

describe('presets catalogue', () => {
  it('lists every bundled preset, grouped by topic with topics and titles in order', async () => {
    const entries = await loadCatalogue();
    expect(entries.map((e) => e.id).sort()).toEqual(presetNames());
    const groups = groupPresets(entries, '');
    const topics = groups.map((g) => g.topic);
    expect(topics).toEqual([...topics].sort((a, b) => a.localeCompare(b)));
    expect(groups.flatMap((g) => g.entries)).toHaveLength(entries.length);
    for (const g of groups) expect(g.entries.every((e) => e.topic === g.topic)).toBe(true);
  });

  it('search needs every word, anywhere in title, topic or lesson, ignoring case', async () => {
    const entries = await loadCatalogue();
    const found = groupPresets(entries, 'STAMPEDE flush').flatMap((g) => g.entries);
    expect(found.map((e) => e.id)).toEqual(['cache-stampede']);
    expect(groupPresets(entries, 'stampede zzzz-no-such-word')).toEqual([]);
  });

  it('leaves out a preset that does not load instead of offering it broken', async () => {
    const entries = await loadCatalogue(['good', 'bad'], async (name) =>
      name === 'good' ? { version: 1, name: 'Good one', nodes: [] } : { version: 1, nodes: 7 },
    );
    expect(entries.map((e) => e.id)).toEqual(['good']);
    expect(entries[0]?.topic).toBe('Other');
  });
});

describe('presets menu', () => {
  it('opens a chosen preset, and undo brings back what was open', async () => {
    render(<PresetsMenu />);
    await userEvent.click(screen.getByRole('button', { name: 'Presets' }));
    const dialog = screen.getByRole('dialog', { name: 'Presets' });
    await userEvent.type(within(dialog).getByLabelText('Search presets'), 'stampede');
    const group = await within(dialog).findByRole('region', { name: 'Caching' });
    expect(within(dialog).getAllByRole('region')).toHaveLength(1);
    await userEvent.click(within(group).getByRole('button', { name: /Cache stampede/ }));

    const doc = useAppStore.getState().doc;
    expect(doc.name).toMatch(/^Cache stampede/);
    expect(doc.nodes.map((n) => n.id)).toEqual(['readers', 'cache', 'origin']);
    expect(screen.queryByRole('dialog')).toBeNull();

    useAppStore.temporal.getState().undo();
    expect(useAppStore.getState().doc.name).toBe(
      'Load balancing: three replicas behind a balancer',
    );
  });

  it('drops variant B of the design that leaves, even while B is on the canvas; undo gives A', async () => {
    const designA = useAppStore.getState().doc;
    makeVariantB();
    switchEditing('B');
    expect(useAppStore.getState().doc.name).toMatch(/\(B\)$/);
    render(<PresetsMenu />);
    await userEvent.click(screen.getByRole('button', { name: 'Presets' }));
    const dialog = screen.getByRole('dialog', { name: 'Presets' });
    await userEvent.type(within(dialog).getByLabelText('Search presets'), 'stampede');
    await userEvent.click(await within(dialog).findByRole('button', { name: /Cache stampede/ }));

    const an = useAnalysisStore.getState();
    expect(an).toMatchObject({ editing: 'A', variantB: null, asideA: null });
    expect(useAppStore.getState().notices.at(-1)?.text).toMatch(/Variant B .* was dropped/);
    useAppStore.temporal.getState().undo();
    expect(useAppStore.getState().doc).toEqual(designA);
  });

  it('says so when nothing matches, and Escape closes it', async () => {
    render(<PresetsMenu />);
    await userEvent.click(screen.getByRole('button', { name: 'Presets' }));
    const dialog = screen.getByRole('dialog', { name: 'Presets' });
    await within(dialog).findAllByRole('region');
    await userEvent.type(within(dialog).getByLabelText('Search presets'), 'qwertyuiop');
    expect(within(dialog).getByText(/No preset matches/)).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Presets' }));
  });
});
