/**
 * Whether the lesson starts collapsed: the user's own choice when there is one, else collapsed on
 * a window narrower than LESSON_AUTO_COLLAPSE_PX. Read by the lesson and by the room kept for it
 * before the first paint.
 */
export const COLLAPSED_KEY = 'archsim.lessonCollapsed';

/** Below this width the canvas needs the room: the lesson starts collapsed. */
const LESSON_AUTO_COLLAPSE_PX = 1400;

/** The user's own choice when there is one; otherwise collapsed on a narrow window. */
export function readCollapsed(): boolean {
  let saved: string | null = null;
  try {
    saved = globalThis.localStorage?.getItem(COLLAPSED_KEY) ?? null;
  } catch {
    // Storage may be unavailable (private mode): fall back to the width.
  }
  if (saved === '1' || saved === '0') return saved === '1';
  return (globalThis.innerWidth ?? Infinity) < LESSON_AUTO_COLLAPSE_PX;
}
