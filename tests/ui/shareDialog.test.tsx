import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ShareButton } from '../../src/ui/share/ShareDialog.tsx';
import { embedSnippet, shareUrl } from '../../src/ui/share/shareLinks.ts';
import { decodeShareLink } from '../../src/model/shareLink.ts';
import { parseLocation } from '../../src/model/location.ts';
import { useAppStore } from '../../src/store/index.ts';
import { resetStore } from './editorHelpers.ts';

const writeText = vi.fn<(text: string) => Promise<void>>();

beforeEach(() => {
  resetStore();
  writeText.mockReset();
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});
afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
});

/** The document a link opens, through the same parser and decoder as start-up. */
function opened(link: string) {
  const url = new URL(link);
  const where = parseLocation({ search: url.search, hash: url.hash });
  if (where.kind !== 'share') throw new Error(`not a share link: ${link}`);
  const r = decodeShareLink(where.fragment);
  if (!r.ok) throw new Error(r.error);
  return { doc: r.scenario, embed: where.embed, autorun: where.autorun };
}

describe('share', () => {
  it('shows the link in "Share link", copies it, and it opens the same document', async () => {
    writeText.mockResolvedValue(undefined);
    render(<ShareButton />);
    await userEvent.click(screen.getByRole('button', { name: 'Share' }));
    const field = screen.getByLabelText<HTMLInputElement>('Share link');
    expect(field.value.startsWith(`${location.origin}${location.pathname}#s=`)).toBe(true);
    await screen.findByText('Copied to the clipboard.');
    expect(writeText).toHaveBeenCalledWith(field.value);
    const back = opened(field.value);
    expect(back.doc).toEqual(useAppStore.getState().doc);
    expect(back).toMatchObject({ embed: false, autorun: false });
  });

  it('adds autorun when asked, to the link and to the embed code', async () => {
    writeText.mockResolvedValue(undefined);
    render(<ShareButton />);
    await userEvent.click(screen.getByRole('button', { name: 'Share' }));
    await userEvent.click(screen.getByLabelText(/autorun/));
    const field = screen.getByLabelText<HTMLInputElement>('Share link');
    expect(opened(field.value).autorun).toBe(true);
    const embed = screen.getByLabelText<HTMLTextAreaElement>(/Embed code/).value;
    const src = /src="([^"]+)"/.exec(embed)?.[1]?.replace(/&amp;/g, '&') ?? '';
    expect(opened(src)).toMatchObject({ embed: true, autorun: true });
    await waitFor(() => expect(writeText).toHaveBeenLastCalledWith(field.value));
  });

  it('when the clipboard is denied, says so and still shows the link', async () => {
    writeText.mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    render(<ShareButton />);
    await userEvent.click(screen.getByRole('button', { name: 'Share' }));
    await screen.findByText(/Could not reach the clipboard/);
    expect(screen.getByLabelText<HTMLInputElement>('Share link').value).toContain('#s=');
  });

  it('the embed snippet escapes the title', () => {
    const url = shareUrl(
      useAppStore.getState().doc,
      { origin: 'https://x.example', pathname: '/' },
      { embed: true },
    );
    const html = embedSnippet(url, '"><script>alert(1)</script>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('title="&quot;&gt;&lt;script&gt;');
    expect(html.startsWith('<iframe src="https://x.example/?embed=1#s=')).toBe(true);
  });
});
