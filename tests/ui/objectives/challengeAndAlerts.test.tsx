/** Challenge results kept in this browser, and alerts as spans on the charts and timeline. */
import { render, screen, fireEvent } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AlertEvent } from '../../../src/engine/objectives/types.ts';
import { alertSpans } from '../../../src/ui/objectives/alertSpans.ts';
import { ChallengeCard } from '../../../src/ui/objectives/ChallengeCard.tsx';
import {
  CHALLENGES_KEY,
  useChallengeResults,
} from '../../../src/ui/objectives/challengeResults.ts';

const pass = { passed: true, met: 2, of: 2, at: '2026-12-07T00:00:00.000Z', seed: 21 };
const miss = { passed: false, met: 1, of: 2, at: '2026-12-07T00:01:00.000Z', seed: 21 };

describe('challenge results', () => {
  beforeEach(() => {
    localStorage.clear();
    useChallengeResults.setState({ results: {}, kept: true });
  });

  it('keeps a pass in localStorage; a later miss does not overwrite it', () => {
    useChallengeResults.getState().record('Cap', pass);
    useChallengeResults.getState().record('Cap', miss);
    expect(JSON.parse(localStorage.getItem(CHALLENGES_KEY)!)).toEqual({ Cap: pass });
    render(<ChallengeCard name="Cap" challenge={{ goal: 'Hold p99.', hints: ['a', 'b'] }} />);
    expect(screen.getByText(/Passed ✓ \(all 2 objectives met, seed 21/)).toBeTruthy();
  });

  it('shows the hints one at a time', () => {
    render(
      <ChallengeCard name="New" challenge={{ goal: 'Hold p99.', hints: ['first', 'second'] }} />,
    );
    expect(screen.getByText('Not tried yet: finish a run to be graded.')).toBeTruthy();
    expect(screen.queryByText('first')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show a hint (1 of 2)' }));
    expect(screen.getByText('first')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Another hint (2 of 2)' }));
    expect(screen.getByText('second')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /hint/ })).toBeNull();
  });

  it('says so when storage refuses, and keeps the result for the page', () => {
    const spy = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    useChallengeResults.getState().record('Cap', miss);
    spy.mockRestore();
    expect(useChallengeResults.getState().results['Cap']).toEqual(miss);
    render(<ChallengeCard name="Cap" challenge={{ goal: 'Hold p99.', hints: [] }} />);
    expect(screen.getByText(/refused to keep it/)).toBeTruthy();
  });
});

const ev = (
  tS: number,
  event: AlertEvent['event'],
  extra: Partial<AlertEvent> = {},
): AlertEvent => ({
  tS,
  alert: 'burn',
  pair: 'fast',
  objective: 'avail',
  kind: 'burnRate',
  event,
  severity: 'ticket',
  level: 1,
  value: 100,
  reason: 'budget burning',
  ...extra,
});

describe('alert spans', () => {
  it('run from fire to resolve, or to now while firing; escalation turns them red', () => {
    const spans = alertSpans(
      [
        ev(62, 'fire', { action: { target: 'api', set: { replicas: 4 } } }),
        ev(71, 'resolve'),
        ev(90, 'fire'),
        ev(120, 'escalate', { severity: 'page', level: 2 }),
      ],
      150,
    );
    expect(spans.map((s) => [s.startS, s.endS, s.severity, s.open])).toEqual([
      [62, 71, 'ticket', false],
      [90, 150, 'page', true],
    ]);
    expect(spans[0]!.response).toBe('set {"replicas":4} on api');
    expect(spans[0]!.label).toContain('resolved at 71 s');
    expect(spans[1]!.label).toContain('escalated at 120 s (level 2)');
  });
});
