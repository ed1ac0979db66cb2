/**
 * Editor state that is not part of the document: messages for the user (refused connections,
 * broken links, a saved document that could not be restored) and the read-only (embed) flag.
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './index.ts';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

export interface EditorSlice {
  notices: Notice[];
  /** Embedded view: canvas, charts and Run only; nothing can be edited. */
  readOnly: boolean;
  /** True when the document came back from this browser's storage at start-up. */
  restoredFromStorage: boolean;
  notify: (kind: Notice['kind'], text: string) => void;
  dismissNotice: (id: number) => void;
  setReadOnly: (readOnly: boolean) => void;
}

let nextNoticeId = 1;

/** At most this many messages stack at once: a new one pushes out the oldest. */
export const MAX_NOTICES = 3;

export const createEditorSlice: StateCreator<AppState, [], [], EditorSlice> = (set) => ({
  notices: [],
  readOnly: false,
  restoredFromStorage: false,
  notify: (kind, text) =>
    set((s) => ({
      // The same message twice in a row is shown once.
      notices: s.notices.some((n) => n.text === text)
        ? s.notices
        : [...s.notices.slice(-(MAX_NOTICES - 1)), { id: nextNoticeId++, kind, text }],
    })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  setReadOnly: (readOnly) => set({ readOnly }),
});
