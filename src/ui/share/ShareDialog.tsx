/**
 * "Share": builds the link to the document as it is now, copies it to the clipboard and shows
 * it in a field named "Share link", with the options to open it read-only or running, and the
 * iframe snippet for embedding.
 */
import { useEffect, useMemo, useState } from 'react';
import { useAppStore } from '../../store/index.ts';
import { Popover } from './Popover.tsx';
import { copyText, embedSnippet, shareUrl } from './shareLinks.ts';

export function ShareButton() {
  return (
    <Popover label="Share" title="A link to this scenario" wide>
      {() => <SharePanel />}
    </Popover>
  );
}

type CopyState = 'idle' | 'copied' | 'failed';

function SharePanel() {
  const doc = useAppStore((s) => s.doc);
  const [autorun, setAutorun] = useState(false);
  const [copy, setCopy] = useState<CopyState>('idle');
  const where = { origin: location.origin, pathname: location.pathname };
  const link = useMemo(
    () => shareUrl(doc, where, { autorun }),
    // `where` is the page's own address: it does not change while the page is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [doc, autorun],
  );
  const embed = useMemo(
    () => embedSnippet(shareUrl(doc, where, { embed: true, autorun }), doc.name),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [doc, autorun],
  );

  useEffect(() => {
    let live = true;
    void copyText(link).then((ok) => live && setCopy(ok ? 'copied' : 'failed'));
    return () => {
      live = false;
    };
  }, [link]);

  return (
    <>
      <h2>Share this scenario</h2>
      <label htmlFor="share-link">Share link</label>
      <input
        id="share-link"
        type="text"
        readOnly
        value={link}
        onFocus={(e) => e.currentTarget.select()}
      />
      <p className="popover__note" role="status">
        {copy === 'copied' && 'Copied to the clipboard.'}
        {copy === 'failed' && 'Could not reach the clipboard: select the link and copy it.'}
        {copy === 'idle' && `${link.length.toLocaleString()} characters.`}
      </p>
      <div className="popover__row">
        <input
          id="share-autorun"
          type="checkbox"
          checked={autorun}
          onChange={(e) => setAutorun(e.target.checked)}
        />
        <label htmlFor="share-autorun">Start the run when opened (autorun)</label>
      </div>
      <label htmlFor="share-embed">Embed code (read-only view: canvas, charts and Run)</label>
      <textarea id="share-embed" readOnly value={embed} onFocus={(e) => e.currentTarget.select()} />
      <div className="popover__row">
        <button
          type="button"
          className="btn"
          onClick={() => void copyText(embed).then((ok) => setCopy(ok ? 'copied' : 'failed'))}
        >
          Copy embed code
        </button>
      </div>
    </>
  );
}
