/**
 * Messages for the user: refused connections, broken links, a saved document kept aside. They
 * stack (at most MAX_NOTICES, the store drops the oldest) and each goes by itself: information
 * after INFO_MS, an error after ERROR_MS; while the pointer or the focus is on the messages they
 * wait, so one can be read to the end or dismissed by hand.
 */
import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/index.ts';
import type { Notice } from '../../store/editorSlice.ts';

const INFO_MS = 5000;
const ERROR_MS = 12_000;

function NoticeItem({ notice, held }: { notice: Notice; held: boolean }) {
  const dismiss = useAppStore((s) => s.dismissNotice);
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(
      () => dismiss(notice.id),
      notice.kind === 'error' ? ERROR_MS : INFO_MS,
    );
    return () => clearTimeout(timer);
  }, [notice, held, dismiss]);
  return (
    <div
      className={`notice notice--${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
    >
      <span className="notice__text">{notice.text}</span>
      <button
        type="button"
        className="notice__close"
        aria-label="Dismiss message"
        onClick={() => dismiss(notice.id)}
      >
        ×
      </button>
    </div>
  );
}

export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  if (notices.length === 0) {
    // The stack went away under the pointer (no leave event comes): the next one is not held.
    if (hovered) setHovered(false);
    if (focused) setFocused(false);
    return null;
  }
  return (
    <div
      className="notices"
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
    >
      {notices.map((n) => (
        <NoticeItem key={n.id} notice={n} held={hovered || focused} />
      ))}
    </div>
  );
}
