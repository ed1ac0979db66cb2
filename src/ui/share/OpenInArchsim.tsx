/**
 * The embedded view's way out: a link to the full editor with the same document (a share link),
 * in a new tab, so a learner can take the embedded design and change it.
 */
import { useMemo } from 'react';
import { useAppStore } from '../../store/index.ts';
import { shareUrl } from './shareLinks.ts';
import '../history/history.css';

export function OpenInArchsim() {
  const doc = useAppStore((s) => s.doc);
  const href = useMemo(
    () => shareUrl(doc, { origin: location.origin, pathname: location.pathname }),
    [doc],
  );
  return (
    <a className="open-full" href={href} target="_blank" rel="noopener">
      Open in archsim
    </a>
  );
}
