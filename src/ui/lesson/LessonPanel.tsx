/**
 * The lesson beside the canvas: the document's description as Markdown (safely: no raw HTML,
 * only http(s) links). Collapsible; the choice is remembered in this browser.
 */
import { useState } from 'react';
import { useAppStore } from '../../store/index.ts';
import { SafeMarkdown } from './SafeMarkdown.tsx';
import '../share/dialogs.css';

const COLLAPSED_KEY = 'archsim.lessonCollapsed';

function readCollapsed(): boolean {
  try {
    return globalThis.localStorage?.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

export function LessonPanel() {
  const description = useAppStore((s) => s.doc.description);
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const toggle = () => {
    const next = !collapsed;
    setCollapsed(next);
    try {
      globalThis.localStorage?.setItem(COLLAPSED_KEY, next ? '1' : '0');
    } catch {
      // Storage may be unavailable (private mode): the panel still toggles.
    }
  };

  return (
    <aside className={`lesson${collapsed ? ' lesson--collapsed' : ''}`} aria-label="Lesson">
      <div className="lesson__head">
        <h2 className="lesson__title">Lesson</h2>
        <button
          type="button"
          className="btn btn--icon"
          aria-expanded={!collapsed}
          aria-label={collapsed ? 'Show the lesson' : 'Hide the lesson'}
          onClick={toggle}
        >
          {collapsed ? '‹' : '›'}
        </button>
      </div>
      {!collapsed && (
        <div className="lesson__body">
          {description.trim() ? (
            <SafeMarkdown text={description} />
          ) : (
            <p className="lesson__empty">
              This scenario has no lesson yet. Open one from <strong>Presets</strong>.
            </p>
          )}
        </div>
      )}
    </aside>
  );
}
