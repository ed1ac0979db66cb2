// An overlay panel closes on Escape, and only that panel: the key stops there.
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { closeOnEscape } from '../../src/ui/common/closeOnEscape.ts';

describe('closeOnEscape', () => {
  it('closes the panel the key was pressed in, not the one under it; other keys do nothing', () => {
    const closeOuter = vi.fn();
    const closeInner = vi.fn();
    render(
      <div role="dialog" aria-label="Outer" onKeyDown={closeOnEscape(closeOuter)}>
        <div role="dialog" aria-label="Inner" onKeyDown={closeOnEscape(closeInner)}>
          <button type="button">Inside</button>
        </div>
      </div>,
    );
    const inside = screen.getByRole('button', { name: 'Inside' });
    fireEvent.keyDown(inside, { key: 'Enter' });
    expect(closeInner).not.toHaveBeenCalled();
    fireEvent.keyDown(inside, { key: 'Escape' });
    expect(closeInner).toHaveBeenCalledTimes(1);
    expect(closeOuter).not.toHaveBeenCalled();
    fireEvent.keyDown(screen.getByRole('dialog', { name: 'Outer' }), { key: 'Escape' });
    expect(closeOuter).toHaveBeenCalledTimes(1);
  });
});
