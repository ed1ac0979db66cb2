// The inspector's Faults section: only the kinds that fit the selection, "Inject now" at the
// simulated clock (the worker names the start, the document with the fault is sent at once),
// and the model's refusal of a bad field.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Inspector } from '../../src/ui/inspector/Inspector.tsx';
import { RunClientContext } from '../../src/ui/run/RunClientContext.ts';
import { connectRun, DOC_DEBOUNCE_MS } from '../../src/ui/run/runConnection.ts';
import { MetricsHub } from '../../src/store/metricsHub.ts';
import { useAppStore } from '../../src/store/index.ts';
import { loadedAnswer } from '../worker/docs.ts';
import { resetStore } from './editorHelpers.ts';

beforeEach(() => {
  resetStore();
  useAppStore.setState({ runStatus: 'idle', simNowS: 0 });
});

/** The real run connection over a stand-in worker that schedules like the real one. */
function liveClient(workerNowS: number) {
  const doc = useAppStore.getState().doc;
  const answer = loadedAnswer(doc);
  const fake = {
    load: vi.fn(async () => answer),
    applyDoc: vi.fn(async () => answer),
    start: vi.fn(async () => {}),
    pause: vi.fn(async () => {}),
    step: vi.fn(async () => {}),
    reset: vi.fn(async () => {}),
    setSpeed: vi.fn(async () => {}),
    holdForFault: vi.fn(async (atS: number) => Math.max(atS, workerNowS)),
  };
  return { fake, client: connectRun(useAppStore, new MetricsHub(), () => fake) };
}

/** The Faults section (the node inspector above it has fields of its own). */
const faults = () => within(screen.getByRole('region', { name: 'Faults' }));

const kindOptions = () =>
  within(faults().getByLabelText('Fault'))
    .getAllByRole('option')
    .map((o) => o.textContent);

describe('fault injector', () => {
  it('lists only the fault kinds that apply to the selected node or edge', () => {
    act(() => useAppStore.getState().select(['api']));
    const { unmount } = render(<Inspector />);
    expect(kindOptions()).toEqual([
      'Crash',
      'Slow down',
      'CPU loss',
      'Errors',
      'GC pauses',
      'Random failures',
    ]);
    act(() => useAppStore.getState().select(['lb']));
    expect(kindOptions()).toEqual(['Crash', 'Random failures']);
    act(() => useAppStore.getState().select(['users']));
    expect(kindOptions()).toEqual(['Traffic spike']);
    act(() => useAppStore.getState().select(['e2']));
    expect(kindOptions()).toEqual(['Partition', 'Packet loss', 'Added latency']);
    unmount();
    act(() => useAppStore.getState().select([]));
    render(<Inspector />);
    expect(screen.queryByRole('button', { name: 'Inject now' })).toBeNull();
  });

  it('injects at the clock while running: the worker names the start, the document goes at once', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { fake, client } = liveClient(37.3);
    act(() => useAppStore.getState().select(['api']));
    useAppStore.setState({ runStatus: 'running', simNowS: 37.24 });
    render(
      <RunClientContext.Provider value={client}>
        <Inspector />
      </RunClientContext.Provider>,
    );
    await user.type(faults().getByLabelText('Replicas down'), '2');
    await user.click(faults().getByRole('button', { name: 'Inject now' }));
    expect(fake.holdForFault).toHaveBeenCalledWith(37.2);
    const doc = useAppStore.getState().doc;
    expect(doc.faults).toEqual([
      { atS: 37.3, forS: 10, kind: 'crash', target: 'api', replicas: 2 },
    ]);
    expect(await screen.findByText('Injected: crash on API at 37.3 s for 10 s.')).toBeTruthy();
    // Sent without waiting for edits to settle: the worker holds the run at 37.3 s for it.
    expect(fake.applyDoc.mock.calls).toEqual([[doc]]);
    await act(() => vi.advanceTimersByTimeAsync(DOC_DEBOUNCE_MS * 2));
    expect(fake.applyDoc.mock.calls).toEqual([[doc]]); // and only once
    vi.useRealTimers();
  });

  it('forgets the "Injected" note on Reset or a new run (another run id)', async () => {
    const { client } = liveClient(12);
    act(() => useAppStore.getState().select(['api']));
    useAppStore.setState({ runStatus: 'running', simNowS: 12, runId: 4 });
    render(
      <RunClientContext.Provider value={client}>
        <Inspector />
      </RunClientContext.Provider>,
    );
    await userEvent.click(faults().getByRole('button', { name: 'Inject now' }));
    expect(await screen.findByText(/^Injected: crash on API at 12 s/)).toBeTruthy();
    act(() => {
      useAppStore.setState({ runStatus: 'running', simNowS: 13 });
    });
    expect(screen.queryByText(/^Injected:/)).toBeTruthy(); // same run: still said
    // Reset: the worker's frame brings a new run id, the clock back at 0.
    act(() => {
      useAppStore.setState({ runStatus: 'idle', simNowS: 0, runId: 5 });
    });
    expect(screen.queryByText(/^Injected:/)).toBeNull();
    expect(document.getElementById('fault-injector-note')?.textContent).toBe(
      'Starts at 0 s of simulated time.',
    );
  });

  it('after the end of a run, disables "Inject now" and says to Reset first', async () => {
    const { fake, client } = liveClient(120);
    act(() => useAppStore.getState().select(['api']));
    useAppStore.setState({ runStatus: 'running', simNowS: 100 });
    render(
      <RunClientContext.Provider value={client}>
        <Inspector />
      </RunClientContext.Provider>,
    );
    const button = faults().getByRole('button', { name: 'Inject now' });
    await userEvent.click(button); // injected while running: the note says so
    expect(await screen.findByText(/^Injected: crash/)).toBeTruthy();
    fake.holdForFault.mockClear();
    const injected = useAppStore.getState().doc.faults;
    act(() => {
      useAppStore.setState({ runStatus: 'done', simNowS: 120 });
    });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(button.getAttribute('aria-describedby')).toBe('fault-injector-note');
    expect(document.getElementById('fault-injector-note')?.textContent).toMatch(
      /never happen\. Reset first/,
    );
    await userEvent.click(button);
    expect(fake.holdForFault).not.toHaveBeenCalled();
    expect(useAppStore.getState().doc.faults).toEqual(injected);
    // After Reset the clock is back at 0 and the fault can be injected there.
    act(() => {
      useAppStore.setState({ runStatus: 'idle', simNowS: 0 });
    });
    expect((button as HTMLButtonElement).disabled).toBe(false);
    expect(document.getElementById('fault-injector-note')?.textContent).not.toMatch(/Reset/);
  });

  it('before a run, adds the fault at 0 s with its kind fields', async () => {
    const { client } = liveClient(0);
    act(() => useAppStore.getState().select(['e2']));
    render(
      <RunClientContext.Provider value={client}>
        <Inspector />
      </RunClientContext.Provider>,
    );
    await userEvent.selectOptions(faults().getByLabelText('Fault'), 'loss');
    const p = faults().getByLabelText('Probability');
    await userEvent.clear(p);
    await userEvent.type(p, '0.25');
    await userEvent.clear(faults().getByLabelText('For'));
    await userEvent.click(faults().getByRole('button', { name: 'Inject now' }));
    expect(useAppStore.getState().doc.faults).toEqual([
      { atS: 0, kind: 'loss', target: 'e2', probability: 0.25 },
    ]);
  });

  it("refuses an invalid field with the model's message and adds nothing", async () => {
    const { fake, client } = liveClient(0);
    act(() => useAppStore.getState().select(['api']));
    render(
      <RunClientContext.Provider value={client}>
        <Inspector />
      </RunClientContext.Provider>,
    );
    const replicas = faults().getByLabelText('Replicas down');
    await userEvent.type(replicas, '0');
    expect(screen.getByRole('alert').textContent).toMatch(/^must be an integer from 1 to/);
    expect(replicas.getAttribute('aria-invalid')).toBe('true');
    await userEvent.click(faults().getByRole('button', { name: 'Inject now' }));
    expect(fake.holdForFault).not.toHaveBeenCalled();
    expect(useAppStore.getState().doc.faults).toEqual([]);
    await userEvent.clear(faults().getByLabelText('For'));
    await userEvent.type(faults().getByLabelText('For'), 'soon');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('must be a number');
  });
});
