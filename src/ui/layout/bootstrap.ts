/**
 * What the playground opens at start-up, in order: a share link (`#s=`), a preset
 * (`?preset=NAME`), the document saved in this browser, else the default preset. A link that
 * cannot be read shows a clear message and leaves the saved work exactly as it was; a link that
 * opens keeps the saved work aside first (see keepSavedAside).
 */
import { loadScenario } from '../../model/load.ts';
import { decodeShareLink, parseLocation } from '../../model/shareLink.ts';
import type { Scenario } from '../../model/types.ts';
import type { AppStore } from '../../store/index.ts';
import { keepSavedAside } from '../../store/persistence.ts';
import { DROPPED_B_NOTE, openAnotherDocument } from '../analysis/variants.ts';
import { DEFAULT_PRESET, presetNames, readPreset } from './presets.ts';

export interface StartResult {
  embed: boolean;
  autorun: boolean;
  opened: 'share' | 'preset' | 'saved' | 'default' | 'none';
}

export async function bootstrap(
  store: AppStore,
  loc: { search: string; hash: string },
): Promise<StartResult> {
  const where = parseLocation(loc);
  const { embed, autorun } = where;
  store.getState().setReadOnly(embed);
  const done = (opened: StartResult['opened']): StartResult => ({ embed, autorun, opened });
  const fail = (text: string) => store.getState().notify('error', text);
  const keptSaved = store.getState().restoredFromStorage
    ? ' Your saved scenario is open instead, unchanged.'
    : '';

  if (where.kind === 'share') {
    const shared = decodeShareLink(where.fragment);
    if (shared.ok) {
      openLinked(store, shared.scenario);
      return done('share');
    }
    fail(
      `This share link could not be opened: it ${shared.error.replace(/^(document|share link): /, '')}.${keptSaved}`,
    );
  } else if (where.kind === 'preset') {
    if (await openPreset(store, where.name, fail, true)) return done('preset');
    if (!presetNames().includes(where.name)) {
      fail(
        `There is no preset called "${where.name}". Presets: ${presetNames().join(', ')}.${keptSaved}`,
      );
    }
  } else if (where.error !== undefined) {
    fail(`This address could not be used: ${where.error}.${keptSaved}`);
  }

  if (store.getState().restoredFromStorage) return done('saved');
  if (await openPreset(store, DEFAULT_PRESET, () => {})) return done('default');
  return done('none');
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
  if (linked) openLinked(store, loaded.scenario);
  else openDocument(store, loaded.scenario);
  return true;
}

/** A link replaces the document saved in this browser: keep that one aside, and say where. */
function openLinked(store: AppStore, doc: Scenario): void {
  const s = store.getState();
  if (s.restoredFromStorage && !s.readOnly && JSON.stringify(s.doc) !== JSON.stringify(doc)) {
    const key = keepSavedAside();
    if (key) s.notify('info', `Your previous scenario was kept under "${key}" in local storage.`);
  }
  // The embedded view saves nothing here, so it leaves the saved variant B alone too.
  if (s.readOnly || JSON.stringify(s.doc) === JSON.stringify(doc)) return openDocument(store, doc);
  // A link opens another design: variant B of the one saved here does not belong to it.
  if (openAnotherDocument(doc, store)) s.notify('info', DROPPED_B_NOTE.trim());
  store.temporal.getState().clear();
}

/** Open a document as the starting point: no undo step back to what was there before. */
function openDocument(store: AppStore, doc: Scenario): void {
  store.getState().setDoc(doc);
  store.temporal.getState().clear();
}
