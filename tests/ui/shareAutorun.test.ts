import { describe, expect, it, vi } from 'vitest';
import { autorunIfAsked } from '../../src/ui/share/autorun.ts';
import type { RunClient } from '../../src/ui/run/runConnection.ts';

function fakeClient() {
  const start = vi.fn(async () => {});
  return { start, client: () => ({ start }) as unknown as RunClient };
}

describe('autorun', () => {
  it('starts the run for an opened share link or preset when asked', () => {
    for (const opened of ['share', 'preset'] as const) {
      const f = fakeClient();
      expect(autorunIfAsked({ embed: false, autorun: true, opened }, f.client)).toBe(true);
      expect(f.start).toHaveBeenCalledTimes(1);
    }
  });

  it('does not start without the flag, or when the link fell back to the saved work', () => {
    const f = fakeClient();
    expect(autorunIfAsked({ embed: false, autorun: false, opened: 'share' }, f.client)).toBe(false);
    expect(autorunIfAsked({ embed: true, autorun: true, opened: 'saved' }, f.client)).toBe(false);
    expect(autorunIfAsked({ embed: false, autorun: true, opened: 'default' }, f.client)).toBe(
      false,
    );
    expect(f.start).not.toHaveBeenCalled();
  });
});
