import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../../src/model/base64url.ts';
import { loadScenarioOrThrow } from '../../src/model/load.ts';
import { decodeShareLink, encodeShareLink, MAX_INFLATED_BYTES } from '../../src/model/shareLink.ts';
import { CONTRACT_TOP_LEVEL, contractDocument, tinyDocument } from './fixtures.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const link = (bytes: Uint8Array) => toBase64Url(deflateSync(bytes));
const errorOf = (fragment: string) => {
  const r = decodeShareLink(fragment);
  return r.ok ? 'loaded' : r.error;
};

const DOCUMENTS = {
  contract: contractDocument(),
  topLevel: JSON.parse(CONTRACT_TOP_LEVEL) as unknown,
  tiny: tinyDocument(),
  unicode: {
    ...tinyDocument(),
    name: 'Ünïcödé ✓ 日本 🚀',
    description: '# Lesson\n\n*markdown* & "quotes"',
  },
};

describe('share links', () => {
  it.each(Object.entries(DOCUMENTS))('round-trips the %s document exactly', (_name, doc) => {
    const s = loadScenarioOrThrow(doc);
    const fragment = encodeShareLink(s);
    expect(fragment).toMatch(/^[A-Za-z0-9_-]+$/);
    const back = decodeShareLink(fragment);
    expect(back.ok && back.scenario).toEqual(s);
    // Encoding is stable: the same document gives the same link.
    expect(back.ok && encodeShareLink(back.scenario)).toBe(fragment);
  });

  it('accepts the fragment with its "#s=" prefix', () => {
    const fragment = encodeShareLink(loadScenarioOrThrow(tinyDocument()));
    expect(decodeShareLink(`#s=${fragment}`).ok).toBe(true);
  });

  it('refuses a truncated link', () => {
    const fragment = encodeShareLink(loadScenarioOrThrow(contractDocument()));
    expect(errorOf(fragment.slice(0, Math.floor(fragment.length / 2)))).toMatch(
      /^share link: is (damaged|cut short)/,
    );
  });

  it('refuses garbled text and characters outside base64url', () => {
    expect(errorOf('this is not a link!')).toMatch(
      /^share link: is damaged: it holds a character base64url does not use/,
    );
    expect(errorOf('')).toBe('share link: is empty');
    expect(errorOf('AAAAA')).toMatch(/^share link: is damaged/);
    expect(errorOf(toBase64Url(utf8('plain, not deflated at all')))).toMatch(
      /^share link: is (damaged|cut short)/,
    );
  });

  it('refuses content that is not UTF-8, not JSON, or not a valid document', () => {
    expect(errorOf(link(new Uint8Array([0xc3, 0x28])))).toBe(
      'share link: is damaged: its content is not UTF-8 text',
    );
    expect(errorOf(link(utf8('{"version": 1,')))).toBe(
      'share link: is damaged: its content is not JSON',
    );
    expect(errorOf(link(utf8('{"version": 1, "seed": -5}')))).toBe(
      'seed: must be an integer from 0 to 4294967295, got -5',
    );
  });

  it('refuses a deflate bomb without inflating it all', () => {
    const bomb = link(new Uint8Array(16 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(200_000);
    expect(errorOf(bomb)).toBe('share link: expands to more than 2 MB: refused');
  });

  it('refuses an honest document just over the cap, accepts one under it', () => {
    const big = (chars: number) => {
      const doc = { ...tinyDocument(), description: 'x'.repeat(chars) };
      return link(utf8(JSON.stringify(doc)));
    };
    expect(errorOf(big(MAX_INFLATED_BYTES + 10))).toBe(
      'share link: expands to more than 2 MB: refused',
    );
    // Under the cap the description limit (100 000 characters) is what speaks.
    expect(errorOf(big(200_000))).toMatch(
      /^description: must be at most 100000 characters, got "x+… \(200000 characters\)$/,
    );
    expect(errorOf(big(50_000))).toBe('loaded');
  });
});
