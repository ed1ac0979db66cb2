/**
 * What the user is typing into a field, kept apart from the document: a value that does not
 * validate stays on screen with its message and never reaches the document. When the document
 * changes from elsewhere (undo, another edit) the field shows the new value; when the change is
 * the field's own commit, what was typed stays as typed (so "1." can become "1.5").
 */
import { useState } from 'react';
import type { EditResult } from '../../store/graphSlice.ts';

const keyOf = (v: unknown): string => JSON.stringify(v) ?? 'undefined';

interface DraftState {
  key: string;
  draft: string;
  error: string | null;
  committedKey: string;
}

export interface Draft {
  draft: string;
  error: string | null;
  /** Show a text as typed, with an error (local parse failure) or none. */
  setDraft: (text: string, error?: string | null) => void;
  /** Show a text as typed and try to commit its value; shows the model's refusal if any. */
  commit: (text: string, value: unknown) => void;
}

export function useDraft(
  value: unknown,
  format: (v: unknown) => string,
  onCommit: (v: unknown) => EditResult,
): Draft {
  const key = keyOf(value);
  const [state, setState] = useState<DraftState>(() => ({
    key,
    draft: format(value),
    error: null,
    committedKey: key,
  }));
  let current = state;
  if (state.key !== key) {
    const fromUs = key === state.committedKey;
    current = fromUs
      ? { ...state, key }
      : { key, draft: format(value), error: null, committedKey: key };
    setState(current);
  }
  return {
    draft: current.draft,
    error: current.error,
    setDraft: (text, error = null) => setState((s) => ({ ...s, draft: text, error })),
    commit: (text, next) => {
      const result = onCommit(next);
      setState((s) => ({
        ...s,
        draft: text,
        error: result.ok ? null : result.message,
        committedKey: result.ok ? keyOf(next) : s.committedKey,
      }));
    },
  };
}
