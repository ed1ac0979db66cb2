/**
 * What the playground opens at start-up: the work saved in this browser, then what the address
 * asks for on top of it: a share link (`#s=`) or a preset (`?preset=NAME`); with neither and
 * nothing saved, the default preset. A link is applied once: the editor then takes it out of
 * the address bar, so a reload opens the work as it is now, not the link again. A link that opens
 * puts the work it replaces into Recent work (and Undo steps back to it); a link that cannot be
 * read shows a clear message and leaves the open work exactly as it was. A new `#s=` pasted into
 * the address bar later (`hashchange`) follows the same rules. Whatever the loader warned about
 * (a misspelt field it dropped, with its "did you mean") is shown in a note, as Import does.
 */
import { loadScenario, type LoadResult } from '../../model/load.ts';
import { parseLocation, type ParsedLocation } from '../../model/location.ts';
import type { AppStore } from '../../store/index.ts';
import { warningNote } from '../../store/warningNote.ts';
import { openWorkspace } from '../../store/workspace.ts';
import { DROPPED_B_NOTE, openAnotherDocument } from '../analysis/variants.ts';
import { DEFAULT_PRESET, presetNames, readPreset } from './presets.ts';

export interface StartResult {
  embed: boolean;
  autorun: boolean;
  opened: 'share' | 'preset' | 'saved' | 'default' | 'none';
}

interface Address {
  search: string;
  hash: string;
}

export async function bootstrap(store: AppStore, loc: Address): Promise<StartResult> {
  const where = parseLocation(loc);
  const { embed, autorun } = where;
  store.getState().setReadOnly(embed);
  await openWorkspace(store, { readOnly: embed });
  const restored = store.getState().restoredFromStorage;
  const unchanged = restored ? ' Your saved scenario is open instead, unchanged.' : '';
  const opened = await openAddress(store, where, loc.hash, unchanged);
  // Opening a link over nothing is not an undo step (there was nothing to go back to).
  if (!restored) store.temporal.getState().clear();
  if (opened !== 'none') return { embed, autorun, opened };
  if (restored) return { embed, autorun, opened: 'saved' };
  if (await openPreset(store, DEFAULT_PRESET, () => {}))
    return { embed, autorun, opened: 'default' };
  return { embed, autorun, opened: 'none' };
}

/** `#s=` with nothing in it (or only blanks, percent-encoded or not). */
function emptyShareLink(hash: string): boolean {
  const m = /(?:^#|&)s=([^&]*)/.exec(hash);
  if (!m) return false;
  let value = m[1] ?? '';
  try {
    value = decodeURIComponent(value);
  } catch {
    return false;
  }
  return value.trim() === '';
}

/**
 * Opens what the address asks for over the open work; returns what it opened, or 'none' when
 * it opened nothing (no link, or a link that could not be read: the user is told why, and
 * `unchanged` says what is open instead).
 */
async function openAddress(
  store: AppStore,
  where: ParsedLocation,
  hash: string,
  unchanged: string,
): Promise<'share' | 'preset' | 'none'> {
  const s = store.getState();
  const fail = (text: string) => s.notify('error', `${text}${unchanged}`);

  if (where.kind === 'share' || emptyShareLink(hash)) {
    const fragment = where.kind === 'share' ? where.fragment : '';
    let text = fragment;
    try {
      // base64url never needs percent escapes; a chat app that added some does no harm.
      text = decodeURIComponent(fragment);
    } catch {
      // Left as it is: the decoder names what is wrong with it.
    }
    // The decoder (and its inflater) is a chunk of its own: a page opened without a share link,
    // the usual case, does not fetch it before its first paint.
    const { decodeShareLink } = await import('../../model/shareLink.ts');
    const shared = decodeShareLink(text);
    if (shared.ok) {
      openLinked(store, shared, `the share link "${shared.scenario.name}"`);
      return 'share';
    }
    fail(
      `This share link could not be opened: it ${shared.error.replace(/^(document|share link): /, '')}.`,
    );
  } else if (where.kind === 'preset') {
    if (await openPreset(store, where.name, fail, true)) return 'preset';
    if (!presetNames().includes(where.name)) {
      fail(`There is no preset called "${where.name}". Presets: ${presetNames().join(', ')}.`);
    }
  } else if (where.error !== undefined) {
    fail(`This address could not be used: ${where.error}.`);
  }
  return 'none';
}

async function openPreset(
  store: AppStore,
  name: string,
  fail: (text: string) => void,
  linked = false,
): Promise<boolean> {
  const raw = await readPreset(name);
  if (raw === undefined) return false;
  const loaded = loadScenario(raw);
  if (!loaded.ok) {
    fail(`The preset "${name}" could not be opened: ${loaded.error}`);
    return false;
  }
  if (linked) openLinked(store, loaded, `the preset "${name}"`);
  else {
    store.getState().setDoc(loaded.scenario);
    store.temporal.getState().clear();
  }
  return true;
}

/**
 * A link replaces the open document (kept in Recent work, one undo step back). `what` names the
 * link in the note that tells what the loader warned about, if anything.
 */
function openLinked(
  store: AppStore,
  loaded: Extract<LoadResult, { ok: true }>,
  what: string,
): void {
  const s = store.getState();
  const doc = loaded.scenario;
  // A link opens another design: variant B of the one open here does not belong to it.
  const droppedB = JSON.stringify(s.doc) !== JSON.stringify(doc) && openAnotherDocument(doc, store);
  const note = warningNote(loaded.warnings);
  if (note || droppedB) s.notify('info', `Opened ${what}.${note}${droppedB ? DROPPED_B_NOTE : ''}`);
}

const LINK_PARAMS = ['preset', 'autorun'];

/**
 * The address without the link it carried (`#s=`, `?preset=`, `&autorun=`), so a reload opens the
 * work as it is now. The embedded view keeps its address: it saves nothing, so the link is its
 * only document.
 */
export function addressWithoutLink(href: string): string {
  const url = new URL(href);
  for (const p of LINK_PARAMS) url.searchParams.delete(p);
  const rest = url.hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part !== '' && !/^(s|autorun)(=|$)/.test(part));
  url.hash = rest.join('&');
  return url.href.replace(/#$/, '');
}

function forgetLink(): void {
  const clean = addressWithoutLink(location.href);
  if (clean !== location.href) history.replaceState(history.state, '', clean);
}

/**
 * After start-up: take the link out of the address bar (not in the embedded view), and open each
 * share link pasted into the address bar later, as a fresh load would.
 */
export function followAddress(store: AppStore, start: StartResult): void {
  if (!start.embed) forgetLink();
  globalThis.addEventListener('hashchange', () => {
    const where = parseLocation({ search: location.search, hash: location.hash });
    if (where.kind !== 'share' && !emptyShareLink(location.hash)) return;
    void openAddress(store, where, location.hash, ' The open scenario is unchanged.').then(() => {
      if (!start.embed) forgetLink();
    });
  });
}
