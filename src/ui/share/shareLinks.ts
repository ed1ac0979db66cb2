/**
 * Addresses for sharing a document: `origin + path + '#s=' + link` (the contract's share link),
 * optionally opening read-only (`embed=1`) or starting the run (`autorun=1`), and the iframe
 * snippet instructors paste into a page. Flags go in the query so the fragment stays the link.
 */
import { encodeShareLink } from '../../model/shareLink.ts';
import type { Scenario } from '../../model/types.ts';

export interface ShareOptions {
  embed?: boolean;
  autorun?: boolean;
}

export function shareUrl(
  doc: Scenario,
  where: { origin: string; pathname: string },
  opts: ShareOptions = {},
): string {
  const query = new URLSearchParams();
  if (opts.embed) query.set('embed', '1');
  if (opts.autorun) query.set('autorun', '1');
  const search = query.size > 0 ? `?${query.toString()}` : '';
  return `${where.origin}${where.pathname}${search}#s=${encodeShareLink(doc)}`;
}

function escapeAttr(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function embedSnippet(url: string, title: string): string {
  return `<iframe src="${escapeAttr(url)}" title="${escapeAttr(title)}" width="960" height="600" style="border:1px solid #ddd;border-radius:8px" loading="lazy"></iframe>`;
}

/**
 * Copy text to the clipboard: the async Clipboard API first; when it is missing or denied
 * (no permission, not a secure context), the older select-and-copy on a hidden field.
 */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied: fall through to the fallback.
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  doc.body.appendChild(area);
  area.select();
  let ok: boolean;
  try {
    ok = typeof doc.execCommand === 'function' && doc.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}
