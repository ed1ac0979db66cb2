/** The lesson's place before its code arrives (just after the first paint): as wide as the
 *  lesson will be, open or collapsed, so the canvas fits its view once and nothing moves. */
import { useAppStore } from '../../store/index.ts';
import { lessonCollapsedByDefault, useCollapsed } from '../layout/panelPrefs.ts';
import '../share/dialogs.css';

export function LessonRoom() {
  const empty = useAppStore((s) => s.doc.description.trim() === '');
  const collapsed = useCollapsed('lesson', lessonCollapsedByDefault()) || empty;
  return (
    <aside
      className={`lesson${collapsed ? ' lesson--collapsed' : ''}`}
      aria-label="Lesson"
      aria-busy="true"
    />
  );
}
