/**
 * Focus handlers for a field: while focus stays inside it, every keystroke edits the document
 * but history records one step for the whole visit (see beginBatch).
 */
import { useEffect, useRef, type FocusEvent } from 'react';
import { beginBatch } from '../../store/index.ts';

export function useEditBatch() {
  const end = useRef<(() => void) | null>(null);
  useEffect(
    () => () => {
      end.current?.();
      end.current = null;
    },
    [],
  );
  return {
    onFocus: () => {
      end.current ??= beginBatch();
    },
    onBlur: (e: FocusEvent) => {
      // Moving between the inputs of one field (a distribution's parts) is still the same visit.
      if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
      end.current?.();
      end.current = null;
    },
  };
}
