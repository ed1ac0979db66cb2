/**
 * An overlay panel's key handler: Escape closes it. The key goes no further, so a panel opened
 * over another (or a dialog inside one) closes alone, not everything under it at once.
 */
import type { KeyboardEvent } from 'react';

export function closeOnEscape(close: () => void): (e: KeyboardEvent) => void {
  return (e) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    close();
  };
}
