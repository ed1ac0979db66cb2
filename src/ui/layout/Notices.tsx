/** Messages for the user: refused connections, broken links, a saved document kept aside. */
import { useEffect } from 'react';
import { useAppStore } from '../../store/index.ts';

/** Info messages fade after this long; errors stay until dismissed or replaced. */
const INFO_MS = 5000;

export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);

  useEffect(() => {
    const infos = notices.filter((n) => n.kind === 'info');
    if (infos.length === 0) return;
    const timer = setTimeout(() => infos.forEach((n) => dismiss(n.id)), INFO_MS);
    return () => clearTimeout(timer);
  }, [notices, dismiss]);

  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <div
          key={n.id}
          className={`notice notice--${n.kind}`}
          role={n.kind === 'error' ? 'alert' : 'status'}
        >
          <span className="notice__text">{n.text}</span>
          <button
            type="button"
            className="notice__close"
            aria-label="Dismiss message"
            onClick={() => dismiss(n.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
