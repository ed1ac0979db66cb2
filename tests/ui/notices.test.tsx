// Messages go by themselves and never pile up: at most three at once, information after 5 s,
// an error after 12 s, and none while the pointer rests on them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { Notices } from '../../src/ui/layout/Notices.tsx';
import { useAppStore } from '../../src/store/index.ts';
import { MAX_NOTICES } from '../../src/store/editorSlice.ts';
import { resetStore } from './editorHelpers.ts';

const shown = () => screen.queryAllByRole('alert').length + screen.queryAllByRole('status').length;

beforeEach(() => {
  resetStore();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('Notices', () => {
  it('stacks at most three, the newest kept', () => {
    render(<Notices />);
    act(() => {
      for (let i = 1; i <= 5; i++) useAppStore.getState().notify('error', `Cannot connect ${i}`);
    });
    expect(MAX_NOTICES).toBe(3);
    expect(shown()).toBe(3);
    expect(screen.queryByText('Cannot connect 2')).toBeNull();
    expect(screen.getByText('Cannot connect 5')).toBeTruthy();
  });

  it('lets an error go after 12 s and information after 5 s', () => {
    render(<Notices />);
    act(() => {
      useAppStore.getState().notify('error', 'Cannot connect: a client takes no calls');
      useAppStore.getState().notify('info', 'Opened the preset');
    });
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(screen.queryByText('Opened the preset')).toBeNull();
    expect(screen.getByRole('alert')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(7000);
    });
    expect(shown()).toBe(0);
  });

  it('waits while the pointer is on the messages, then goes', () => {
    render(<Notices />);
    act(() => useAppStore.getState().notify('error', 'Cannot connect: no'));
    const alert = screen.getByRole('alert');
    fireEvent.pointerEnter(alert.parentElement!);
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(screen.getByRole('alert')).toBeTruthy();
    fireEvent.pointerLeave(alert.parentElement!);
    act(() => {
      vi.advanceTimersByTime(12_000);
    });
    expect(shown()).toBe(0);
  });
});
