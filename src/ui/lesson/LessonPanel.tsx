/**
 * The lesson beside the canvas: the document's description as Markdown (safely: no raw HTML,
 * only http(s) links). Collapsible and resizable (its splitter is in App.tsx); the choice is
 * remembered in this browser (panelPrefs.ts). Without a choice it starts collapsed on a window
 * narrower than 1400 px, and a document with no lesson keeps it collapsed.
 */
import { useMemo, useState } from 'react';
import { useAppStore } from '../../store/index.ts';
import { LazyMarkdown } from './LazyMarkdown.tsx';
import { boundLesson } from './boundLesson.ts';
import { lessonCollapsedByDefault, useCollapsed, usePanels } from '../layout/panelPrefs.ts';
import { PanelToggle } from '../layout/PanelToggle.tsx';
import '../share/dialogs.css';
import './lesson.css';

export function LessonPanel() {
  const description = useAppStore((s) => s.doc.description);
  const lesson = useMemo(() => boundLesson(description), [description]);
  const chosen = useCollapsed('lesson', lessonCollapsedByDefault());
  // A document without a lesson (a blank canvas, a design of one's own) leaves the room to the
  // canvas: collapsed unless opened for it, without touching the remembered choice.
  const empty = description.trim() === '';
  const [openEmpty, setOpenEmpty] = useState(false);
  const collapsed = empty ? !openEmpty : chosen;
  const setCollapsed = usePanels((s) => s.setCollapsed);
  const toggle = () => (empty ? setOpenEmpty(!openEmpty) : setCollapsed('lesson', !collapsed));

  return (
    <aside className={`lesson${collapsed ? ' lesson--collapsed' : ''}`} aria-label="Lesson">
      <div className="lesson__head">
        {/* Collapsed, the whole vertical title opens it too: a bigger target than the arrow. */}
        <h2 className="lesson__title" onClick={collapsed ? toggle : undefined}>
          Lesson
        </h2>
        <PanelToggle
          panel="lesson"
          title="lesson"
          collapsed={collapsed}
          place="side"
          onToggle={toggle}
        />
      </div>
      {!collapsed && (
        // Scrolls, so Chromium lets Tab reach it: named for that stop.
        <div className="lesson__body" role="region" aria-label="Lesson text">
          {description.trim() ? (
            <>
              {lesson.cuts.length > 0 && (
                <p className="lesson__cut" role="note">
                  {lesson.cuts.join(' ')}
                </p>
              )}
              <LazyMarkdown text={lesson.text} />
            </>
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
