/**
 * What the playground opens at start-up, in order: a share link (`#s=`), a preset
 * (`?preset=NAME`), the document saved in this browser, else the default preset. A link that
 * cannot be read shows a clear message and leaves the saved work exactly as it was.
 */
import { loadScenario } from '../../model/load.ts';
import type { Scenario } from '../../model/types.ts';
import type { AppStore } from '../../store/index.ts';
import { DEFAULT_PRESET, presetNames, readPreset } from './presets.ts';

export interface StartOptions {
  search: string;
  hash: string;
}

export interface StartResult {
  embed: boolean;
  autorun: boolean;
  opened: 'share' | 'preset' | 'saved' | 'default' | 'none';
}

function flag(params: URLSearchParams, name: string): boolean {
  const v = params.get(name);
  return v !== null && v !== '0' && v !== 'false';
}

export async function bootstrap(store: AppStore, loc: StartOptions): Promise<StartResult> {
  const params = new URLSearchParams(loc.search);
  const embed = flag(params, 'embed');
  const autorun = flag(params, 'autorun');
  store.getState().setReadOnly(embed);
  const done = (opened: StartResult['opened']): StartResult => ({ embed, autorun, opened });

  const presetName = params.get('preset');
  if (presetName !== null) {
    if (await openPreset(store, presetName)) return done('preset');
    store
      .getState()
      .notify(
        'error',
        `There is no preset called "${presetName}". Presets: ${presetNames().join(', ')}.`,
      );
  }
  if (store.getState().restoredFromStorage) return done('saved');
  if (await openPreset(store, DEFAULT_PRESET, true)) return done('default');
  return done('none');
}

async function openPreset(store: AppStore, name: string, quiet = false): Promise<boolean> {
  const raw = await readPreset(name);
  if (raw === undefined) return false;
  const loaded = loadScenario(raw);
  if (!loaded.ok) {
    if (!quiet)
      store.getState().notify('error', `The preset "${name}" could not be opened: ${loaded.error}`);
    return false;
  }
  openDocument(store, loaded.scenario);
  return true;
}

/** Replace the document without an undo step back to whatever was there before start-up. */
function openDocument(store: AppStore, doc: Scenario): void {
  store.getState().setDoc(doc);
  store.temporal.getState().clear();
}
