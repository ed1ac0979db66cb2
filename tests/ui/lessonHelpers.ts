/** Shared set-up of the lesson panel's tests: the Markdown chunk loaded, a desktop-wide window. */
import { beforeAll, beforeEach } from 'vitest';
import { loadSafeMarkdown } from '../../src/ui/lesson/LazyMarkdown.tsx';
import { useAppStore } from '../../src/store/index.ts';
import { usePanels } from '../../src/ui/layout/panelPrefs.ts';
import { resetStore } from './editorHelpers.ts';

/**
 * The app starts the Markdown download in main.tsx, before the first paint (the fallback has its
 * own test); jsdom's window is 1024 px wide, and a desktop width keeps the lesson open unless a
 * test says not.
 */
export function setUpLessonTests(): void {
  beforeAll(() => loadSafeMarkdown());
  beforeEach(() => {
    resetStore();
    usePanels.setState({ prefs: {} });
    window.innerWidth = 1600;
  });
}

export const setDescription = (description: string) =>
  useAppStore.setState((s) => ({ doc: { ...s.doc, description } }));
