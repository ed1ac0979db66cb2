/**
 * What the page address asks for: a shared document (`#s=…`), a preset (`?preset=NAME`) or
 * nothing, plus the `embed` and `autorun` flags (in the query or the fragment).
 */
export const PRESET_NAME = /^[a-z0-9-]{1,64}$/;

export type LocationTarget =
  | { kind: 'share'; fragment: string }
  | { kind: 'preset'; name: string }
  /** `error` says why a preset name or address was not accepted. */
  | { kind: 'none'; error?: string };

export type ParsedLocation = LocationTarget & { embed: boolean; autorun: boolean };

export function parseLocation(loc: string | { hash: string; search: string }): ParsedLocation {
  let hash: string;
  let search: string;
  if (typeof loc === 'string') {
    try {
      const url = new URL(loc, 'http://localhost/');
      hash = url.hash;
      search = url.search;
    } catch {
      return { kind: 'none', error: 'the address could not be read', embed: false, autorun: false };
    }
  } else {
    hash = typeof loc.hash === 'string' ? loc.hash : '';
    search = typeof loc.search === 'string' ? loc.search : '';
  }
  const query = new URLSearchParams(search.replace(/^\?/, ''));
  // The fragment is split by hand: base64 text must not be touched by form decoding ('+').
  const frag = new Map<string, string>();
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0) frag.set(part.slice(0, eq), part.slice(eq + 1));
    else if (part) frag.set(part, '');
  }
  const flag = (name: string): boolean => {
    const v = query.get(name) ?? frag.get(name);
    return v !== undefined && v !== null && v !== '0' && v !== 'false';
  };
  const flags = { embed: flag('embed'), autorun: flag('autorun') };

  const shared = frag.get('s');
  if (shared !== undefined && shared !== '') return { kind: 'share', fragment: shared, ...flags };
  const preset = query.get('preset');
  if (preset !== null) {
    if (!PRESET_NAME.test(preset)) {
      return {
        kind: 'none',
        error: `preset name "${preset.slice(0, 80)}" is not valid: use 1 to 64 of a-z 0-9 -`,
        ...flags,
      };
    }
    return { kind: 'preset', name: preset, ...flags };
  }
  return { kind: 'none', ...flags };
}
