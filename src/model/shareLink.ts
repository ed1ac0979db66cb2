/**
 * Share links: `#s=` + the document as UTF-8 JSON, deflate-raw, base64url. Two pure functions;
 * a link is untrusted input, so decoding caps the inflated size (a deflate bomb is refused) and
 * every failure is a message, never a throw.
 */
import { deflateSync, Inflate } from 'fflate';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { loadScenario, type LoadResult } from './load.ts';
import { serializeScenarioCompact } from './serialize.ts';
import type { Scenario } from './types.ts';

/** Largest document a link may inflate to. */
export const MAX_INFLATED_BYTES = 2 * 1024 * 1024;
/** Longest fragment accepted (far beyond what browsers keep in a URL). */
export const MAX_FRAGMENT_CHARS = 4 * 1024 * 1024;
/** Compressed input is fed in small chunks so one chunk cannot expand far past the cap. */
const CHUNK = 1024;

export function encodeShareLink(s: Scenario): string {
  const json = new TextEncoder().encode(serializeScenarioCompact(s));
  return toBase64Url(deflateSync(json, { level: 9 }));
}

export function decodeShareLink(fragment: string): LoadResult {
  try {
    return decodeUnsafe(fragment);
  } catch (e) {
    return bad(`could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
}

function decodeUnsafe(fragment: string): LoadResult {
  if (typeof fragment !== 'string') return bad('is not text');
  const text = fragment.replace(/^#/, '').replace(/^s=/, '').trim();
  if (text.length === 0) return bad('is empty');
  if (text.length > MAX_FRAGMENT_CHARS) return bad(`is too long (${text.length} characters)`);
  const bytes = fromBase64Url(text);
  if (typeof bytes === 'string') return bad(`is damaged: ${bytes}`);
  const inflated = inflateCapped(bytes, MAX_INFLATED_BYTES);
  if (typeof inflated === 'string') return bad(inflated);
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return bad('is damaged: its content is not UTF-8 text');
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return bad('is damaged: its content is not JSON');
  }
  return loadScenario(value);
}

/** Inflate raw deflate data, stopping as soon as the output passes `cap` bytes. */
export function inflateCapped(data: Uint8Array, cap: number): Uint8Array | string {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  let tooBig = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > cap) tooBig = true;
    else chunks.push(chunk.slice());
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < data.length && !tooBig; i += CHUNK) {
      const end = Math.min(i + CHUNK, data.length);
      inflater.push(data.subarray(i, end), end === data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (tooBig) return tooBigMessage(cap);
    const why = e instanceof Error ? e.message : String(e);
    return `is damaged or cut short (${why})`;
  }
  if (tooBig) return tooBigMessage(cap);
  if (!ended) return 'is cut short: the compressed data ends too early';
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

function tooBigMessage(cap: number): string {
  return `expands to more than ${Math.round(cap / 1024 / 1024)} MB: refused`;
}

function bad(message: string): LoadResult {
  return { ok: false, error: `share link: ${message}`, path: '' };
}
