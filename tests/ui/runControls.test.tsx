import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RunControls } from '../../src/ui/run/RunControls.tsx';
import { RunSummary } from '../../src/ui/run/RunSummary.tsx';
import { RunClientContext } from '../../src/ui/run/RunClientContext.ts';
import type { RunClient } from '../../src/ui/run/runConnection.ts';
import { useAppStore } from '../../src/store/index.ts';
import { initialRunState } from '../../src/store/runSlice.ts';

function fakeClient() {
  return {
    start: vi.fn(async () => {}),
    pause: vi.fn(async () => {}),
    step: vi.fn(async () => {}),
    reset: vi.fn(async () => {}),
    setSpeed: vi.fn(async () => {}),
    inject: vi.fn(async () => null),
    act: vi.fn(async () => ({ ok: true as const })),
  } satisfies RunClient;
}

function renderRun(client: RunClient) {
  return render(
    <RunClientContext.Provider value={client}>
      <RunControls />
      <RunSummary />
    </RunClientContext.Provider>,
  );
}

const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });

const setRun = (patch: Parameters<ReturnType<typeof useAppStore.getState>['setRunState']>[0]) =>
  act(() => useAppStore.getState().setRunState(patch));

beforeEach(() => useAppStore.getState().setRunState(initialRunState));
afterEach(() => useAppStore.getState().setRunState(initialRunState));

describe('run controls', () => {
  it('sends Run, Step, Reset and the speed to the client', async () => {
    const client = fakeClient();
    renderRun(client);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Run' }));
    expect(client.start).toHaveBeenCalledOnce();
    await user.click(screen.getByRole('button', { name: 'Step' }));
    expect(client.step).toHaveBeenCalledOnce();
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(client.reset).toHaveBeenCalledOnce();
    await user.selectOptions(screen.getByLabelText('Speed'), 'Max');
    expect(client.setSpeed).toHaveBeenLastCalledWith('max');
    await user.selectOptions(screen.getByLabelText('Speed'), '×100');
    expect(client.setSpeed).toHaveBeenLastCalledWith(100);
  });

  it('offers Pause only while running, and Run only while not', async () => {
    const client = fakeClient();
    renderRun(client);
    expect(button('Pause').disabled).toBe(true);
    setRun({ runStatus: 'running' });
    expect(button('Run').disabled).toBe(true);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Pause' }));
    expect(client.pause).toHaveBeenCalledOnce();
  });

  it('shows the simulated clock against the duration', () => {
    renderRun(fakeClient());
    setRun({ simNowS: 12.34, runDurationS: 120 });
    expect(screen.getByRole('group', { name: 'Run controls' }).textContent).toContain(
      '12.3 s of 120 s',
    );
  });
});

describe('run summary', () => {
  it('reads as text: time, throughput, p99 and error rate', () => {
    renderRun(fakeClient());
    const summary = screen.getByRole('status', { name: 'Run summary' });
    expect(summary.textContent).toContain('Ready');
    expect(summary.textContent).toContain('press Run');
    setRun({
      runStatus: 'running',
      simNowS: 31,
      runFigures: { throughputRps: 298.4, p99Ms: 34.12, errorRate: 0.0123, final: false },
    });
    expect(summary.textContent).toContain(
      'Running t = 31.0 s · throughput 298 rps · p99 34.1 ms · errors 1.23 %',
    );
  });

  it('adds goodput beside throughput only when they differ', () => {
    renderRun(fakeClient());
    const summary = screen.getByRole('status', { name: 'Run summary' });
    const figures = { throughputRps: 400, p99Ms: 20, errorRate: 0, final: false };
    setRun({ runStatus: 'running', runFigures: { ...figures, goodputRps: 400 } });
    expect(summary.textContent).not.toContain('goodput');
    setRun({ runStatus: 'running', runFigures: { ...figures, goodputRps: 310.2 } });
    expect(summary.textContent).toContain('throughput 400 rps · goodput 310 rps · p99');
  });

  it('shows a notice about the run, an error first', () => {
    renderRun(fakeClient());
    setRun({ runMessage: 'The simulation stopped responding and was restarted.' });
    expect(screen.getByRole('alert').textContent).toContain('stopped responding');
    setRun({ runError: 'This scenario cannot run: nodes[0].id: required' });
    expect(screen.getByRole('alert').textContent).toContain('cannot run');
  });
});
