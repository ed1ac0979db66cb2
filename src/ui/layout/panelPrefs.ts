/**
 * The panels around the canvas (lesson, inspector, charts, minimap): each one's size and whether
 * it is collapsed, as the user left them, remembered in this browser (localStorage
 * `archsim.panels`, through the guarded store: with storage refused or full the choices hold for
 * the page and nothing breaks). A panel the user never sized keeps the stylesheet's width for the
 * window; one never collapsed or opened follows its own default (the lesson collapses on a
 * narrow window, the minimap on a narrow canvas). Sizes reach the layout as CSS variables on the
 * root element, so dragging a splitter lays the page out again without rendering React.
 */
import { create } from 'zustand';
import { guardedLocalStorage } from '../../store/storage/guardedLocalStorage.ts';

export type PanelName = 'lesson' | 'inspector' | 'charts' | 'minimap';
export type SizedPanel = Exclude<PanelName, 'minimap'>;

/** What each sized panel is called, the CSS variable its size sets, and its bounds in px. */
export const SIZED: Record<
  SizedPanel,
  { title: string; cssVar: string; min: number; max: number; axis: 'x' | 'y' }
> = {
  lesson: { title: 'lesson', cssVar: '--lesson-w', min: 200, max: 640, axis: 'x' },
  inspector: { title: 'inspector', cssVar: '--inspector-w', min: 240, max: 560, axis: 'x' },
  charts: { title: 'charts', cssVar: '--bottom-h', min: 120, max: 640, axis: 'y' },
};

interface Pref {
  size?: number | undefined;
  collapsed?: boolean;
}
type Prefs = Partial<Record<PanelName, Pref>>;

const KEY = 'archsim.panels';
/** Where the lesson's open/collapsed choice was kept before the other panels had one. */
const LEGACY_LESSON_KEY = 'archsim.lessonCollapsed';
const NAMES: PanelName[] = ['lesson', 'inspector', 'charts', 'minimap'];

// A refused write is not worth a message: the layout still changes, only a reload forgets it.
const storage = guardedLocalStorage(() => {});

function readString(key: string): string | null {
  const raw = storage.getItem(key);
  return typeof raw === 'string' ? raw : null;
}

/** The saved choices, keeping only well-formed ones (a hand edit cannot break the layout). */
function readPrefs(): Prefs {
  let saved: unknown = null;
  try {
    saved = JSON.parse(readString(KEY) ?? 'null');
  } catch {
    // Unreadable: every panel takes its default.
  }
  const prefs: Prefs = {};
  for (const name of NAMES) {
    const p = (saved as Record<string, Pref | undefined> | null)?.[name];
    const pref: Pref = {};
    if (typeof p?.size === 'number' && Number.isFinite(p.size)) pref.size = p.size;
    if (typeof p?.collapsed === 'boolean') pref.collapsed = p.collapsed;
    prefs[name] = pref;
  }
  const legacy = readString(LEGACY_LESSON_KEY);
  if (prefs.lesson?.collapsed === undefined && (legacy === '1' || legacy === '0'))
    prefs.lesson = { ...prefs.lesson, collapsed: legacy === '1' };
  return prefs;
}

interface PanelState {
  prefs: Prefs;
  /** A new size (clamped to the panel's bounds), or undefined for the default; `save` false
   *  while a drag goes on (it is saved when it ends). */
  setSize: (name: SizedPanel, size: number | undefined, save?: boolean) => void;
  setCollapsed: (name: PanelName, collapsed: boolean) => void;
}

export const clampSize = (name: SizedPanel, size: number) =>
  Math.round(Math.min(SIZED[name].max, Math.max(SIZED[name].min, size)));

export const usePanels = create<PanelState>()((set, get) => {
  const change = (name: PanelName, pref: Pref, save: boolean) => {
    const prefs = { ...get().prefs, [name]: { ...get().prefs[name], ...pref } };
    set({ prefs });
    if (save) storage.setItem(KEY, JSON.stringify(prefs));
  };
  return {
    prefs: readPrefs(),
    setSize: (name, size, save = true) =>
      change(name, { size: size === undefined ? undefined : clampSize(name, size) }, save),
    setCollapsed: (name, collapsed) => change(name, { collapsed }, true),
  };
});

/** Whether `name` is collapsed: the user's choice, else `byDefault`. */
export function useCollapsed(name: PanelName, byDefault: boolean): boolean {
  return usePanels((s) => s.prefs[name]?.collapsed ?? byDefault);
}

/** Below this window width the lesson starts collapsed (it took a quarter of the width). */
const LESSON_AUTO_COLLAPSE_PX = 1400;

/** The lesson's default: collapsed on a narrow window. */
export const lessonCollapsedByDefault = () =>
  (globalThis.innerWidth ?? Infinity) < LESSON_AUTO_COLLAPSE_PX;

function applySizes(prefs: Prefs): void {
  const style = globalThis.document?.documentElement.style;
  if (style === undefined) return;
  for (const name of Object.keys(SIZED) as SizedPanel[]) {
    const size = prefs[name]?.size;
    if (size === undefined) style.removeProperty(SIZED[name].cssVar);
    else style.setProperty(SIZED[name].cssVar, `${size}px`);
  }
}

applySizes(usePanels.getState().prefs);
usePanels.subscribe((s, old) => {
  if (s.prefs !== old.prefs) applySizes(s.prefs);
});
