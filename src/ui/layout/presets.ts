/** The bundled presets, loaded on demand (each its own small chunk). */
const PRESET_FILES = import.meta.glob<unknown>('../../../presets/*.json', { import: 'default' });

const byName = new Map(
  Object.entries(PRESET_FILES).map(([path, load]) => [
    path.replace(/^.*\/([^/]+)\.json$/, '$1'),
    load,
  ]),
);

export const DEFAULT_PRESET = 'load-balancing';

export function presetNames(): string[] {
  return [...byName.keys()].sort();
}

/** The preset's raw JSON, or undefined when no preset has that name. */
export async function readPreset(name: string): Promise<unknown> {
  const load = byName.get(name);
  return load ? await load() : undefined;
}
