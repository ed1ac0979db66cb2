// One failing panel never blanks the page: its boundary names it and the error, Try again
// mounts it afresh, and the other panels keep working.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/App.tsx';
import { PanelBoundary } from '../../src/ui/common/PanelBoundary.tsx';
import { useAppStore } from '../../src/store/index.ts';
import { resetStore } from './editorHelpers.ts';

/** The timeline and the inspector are lazy chunks: the first import may be slow under load. */
const LAZY = { timeout: 20_000 };
const broken = vi.hoisted(() => ({ timeline: false }));
const marked = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/store/workspace.ts', async (original) => ({
  ...(await original<typeof import('../../src/store/workspace.ts')>()),
  markSaveFailedToRender: () => {
    marked.count++;
    return Promise.resolve();
  },
}));
vi.mock('../../src/ui/faults/FaultTimeline.tsx', () => ({
  FaultTimeline: () => {
    if (broken.timeline) throw new Error('the timeline exploded');
    return <section aria-label="Fault timeline">timeline</section>;
  },
}));

beforeEach(() => {
  resetStore();
  broken.timeline = false;
  marked.count = 0;
  // React reports an error a boundary caught on the console; the test looks at the page.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

function Throws({ when }: { when: () => boolean }) {
  if (when()) throw new Error('line one\nline two');
  return <p>fine</p>;
}

describe('panel boundary', () => {
  it('names the panel and the error, keeps its siblings, and tries again on request', async () => {
    let failing = true;
    render(
      <>
        <PanelBoundary name="charts" className="app__bottom">
          <Throws when={() => failing} />
        </PanelBoundary>
        <p>sibling</p>
      </>,
    );
    const alert = screen.getByRole('alert', { name: 'charts failed' });
    expect(alert.className).toBe('panel-failed app__bottom');
    expect(alert.textContent).toContain('The charts could not be shown.');
    expect(alert.textContent).toContain('line one');
    expect(alert.textContent).not.toContain('line two');
    expect(screen.getByText('sibling')).toBeTruthy();
    // The document's save is marked, so the next start does not reopen it blindly.
    expect(marked.count).toBe(1);

    // Still failing: the note stays.
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('alert', { name: 'charts failed' })).toBeTruthy();
    failing = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('fine')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(marked.count).toBe(2);
  });

  it('in the app, a failing fault timeline leaves the canvas, inspector and lesson working', async () => {
    broken.timeline = true;
    render(<App />);
    // The timeline is a lazy chunk: it fails once it has arrived.
    const alert = await screen.findByRole('alert', { name: 'fault timeline failed' }, LAZY);
    expect(alert.textContent).toContain('the timeline exploded');
    expect(await screen.findByTestId('node-api')).toBeTruthy();
    expect(screen.getByRole('complementary', { name: 'Inspector' })).toBeTruthy();
    expect(screen.getByRole('complementary', { name: 'Lesson' })).toBeTruthy();
    // Editing still works, and Try again brings the panel back once it renders.
    act(() => useAppStore.getState().select(['api']));
    const inspector = await screen.findByRole(
      'complementary',
      { name: 'Inspector', busy: false },
      LAZY,
    );
    expect(within(inspector).getByRole('heading', { name: 'Service' })).toBeTruthy();
    broken.timeline = false;
    marked.count = 0;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('region', { name: 'Fault timeline' }).textContent).toBe('timeline');
  });
});
