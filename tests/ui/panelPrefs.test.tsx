/** Panels that resize and collapse: the splitter's keys, the CSS variables, what is remembered. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { usePanels } from '../../src/ui/layout/panelPrefs.ts';
import { Splitter } from '../../src/ui/layout/Splitter.tsx';
import { PanelStrip } from '../../src/ui/layout/PanelToggle.tsx';

const saved = () => JSON.parse(localStorage.getItem('archsim.panels') ?? '{}') as unknown;
const cssVar = (name: string) => document.documentElement.style.getPropertyValue(name);

beforeEach(() => {
  localStorage.clear();
  usePanels.setState({ prefs: {} });
});
afterEach(() => vi.restoreAllMocks());

describe('the splitter', () => {
  const inspector = () => {
    usePanels.getState().setSize('inspector', 300);
    render(
      <div>
        <Splitter panel="inspector" />
        <aside>inspector</aside>
      </div>,
    );
    return screen.getByRole('separator', { name: 'Resize inspector panel' });
  };

  it('sizes the panel from the keyboard, within its bounds, and says the size', async () => {
    const handle = inspector();
    expect(handle.getAttribute('aria-orientation')).toBe('vertical');
    handle.focus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(usePanels.getState().prefs.inspector?.size).toBe(316);
    expect(handle.getAttribute('aria-valuenow')).toBe('316');
    await userEvent.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    expect(usePanels.getState().prefs.inspector?.size).toBe(380);
    await userEvent.keyboard('{ArrowRight}');
    expect(usePanels.getState().prefs.inspector?.size).toBe(364);
    await userEvent.keyboard('{Home}');
    expect(usePanels.getState().prefs.inspector?.size).toBe(240);
    await userEvent.keyboard('{End}');
    expect(usePanels.getState().prefs.inspector?.size).toBe(560);
    await userEvent.keyboard('{ArrowLeft}');
    expect(usePanels.getState().prefs.inspector?.size).toBe(560);
  });

  it('sets the layout variable and remembers the size; double-click goes back to the default', () => {
    const handle = inspector();
    expect(cssVar('--inspector-w')).toBe('300px');
    expect(saved()).toMatchObject({ inspector: { size: 300 } });
    fireEvent.doubleClick(handle);
    expect(usePanels.getState().prefs.inspector?.size).toBeUndefined();
    expect(cssVar('--inspector-w')).toBe('');
  });

  it('charts grow upwards: ArrowUp makes them taller', async () => {
    usePanels.getState().setSize('charts', 200);
    render(<Splitter panel="charts" />);
    const handle = screen.getByRole('separator', { name: 'Resize charts panel' });
    expect(handle.getAttribute('aria-orientation')).toBe('horizontal');
    handle.focus();
    await userEvent.keyboard('{ArrowUp}');
    expect(usePanels.getState().prefs.charts?.size).toBe(216);
    await userEvent.keyboard('{Enter}');
    expect(usePanels.getState().prefs.charts?.size).toBeUndefined();
  });
});

describe('hiding and showing', () => {
  it('a collapsed panel is a strip that opens it, and the choice is remembered', async () => {
    usePanels.getState().setCollapsed('inspector', true);
    render(<PanelStrip panel="inspector" title="inspector" />);
    const show = screen.getByRole('button', { name: 'Show inspector' });
    expect(show.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(show);
    expect(usePanels.getState().prefs.inspector?.collapsed).toBe(false);
    expect(saved()).toMatchObject({ inspector: { collapsed: false } });
  });

  it('refused storage: the panel still changes, nothing throws', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('refused', 'SecurityError');
    });
    usePanels.getState().setCollapsed('inspector', true);
    render(<PanelStrip panel="inspector" title="inspector" />);
    await userEvent.click(screen.getByRole('button', { name: 'Show inspector' }));
    expect(usePanels.getState().prefs.inspector?.collapsed).toBe(false);
  });
});

describe('what a reload reads back', () => {
  const reload = async () => {
    vi.resetModules();
    return (await import('../../src/ui/layout/panelPrefs.ts')).usePanels.getState().prefs;
  };

  it('keeps well-formed choices only', async () => {
    localStorage.setItem(
      'archsim.panels',
      JSON.stringify({ lesson: { size: 'wide', collapsed: true }, charts: { size: 180 } }),
    );
    const prefs = await reload();
    expect(prefs.lesson).toEqual({ collapsed: true });
    expect(prefs.charts).toEqual({ size: 180 });
  });

  it('an unreadable entry gives the defaults; the old lesson choice is taken over', async () => {
    localStorage.setItem('archsim.panels', '{not json');
    localStorage.setItem('archsim.lessonCollapsed', '1');
    const prefs = await reload();
    expect(prefs.lesson).toEqual({ collapsed: true });
    expect(prefs.inspector).toEqual({});
  });

  it('storage that refuses reads gives the defaults', async () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('refused', 'SecurityError');
    });
    const prefs = await reload();
    expect(prefs.minimap).toEqual({});
  });
});
