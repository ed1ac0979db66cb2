/**
 * The presets menu's contents: every bundled preset's name, title and topic, grouped by topic
 * and filtered by a search. Presets are read through the model's loader like any document, so
 * one that fails to load is left out of the menu rather than offered broken.
 */
import { loadScenario } from '../../model/load.ts';
import type { Scenario } from '../../model/types.ts';
import { presetNames, readPreset } from '../layout/presets.ts';

export interface PresetEntry {
  /** File name without `.json`: what `?preset=` takes. */
  id: string;
  title: string;
  topic: string;
  /** Plain words of the lesson, for searching. */
  text: string;
  doc: Scenario;
}

export interface PresetGroup {
  topic: string;
  entries: PresetEntry[];
}

const OTHER = 'Other';

export async function loadCatalogue(
  names: readonly string[] = presetNames(),
  read: (name: string) => Promise<unknown> = readPreset,
): Promise<PresetEntry[]> {
  const entries = await Promise.all(
    names.map(async (id): Promise<PresetEntry | null> => {
      const loaded = loadScenario(await read(id));
      if (!loaded.ok) return null;
      const doc = loaded.scenario;
      return { id, title: doc.name, topic: doc.topic ?? OTHER, text: doc.description, doc };
    }),
  );
  return entries.filter((e): e is PresetEntry => e !== null);
}

/** Groups sorted by topic, entries by title; every search word must appear somewhere. */
export function groupPresets(entries: readonly PresetEntry[], query: string): PresetGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (e: PresetEntry) => {
    const hay = `${e.title} ${e.topic} ${e.id} ${e.text}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  };
  const byTopic = new Map<string, PresetEntry[]>();
  for (const e of entries.filter(matches)) {
    const list = byTopic.get(e.topic) ?? [];
    list.push(e);
    byTopic.set(e.topic, list);
  }
  return [...byTopic.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([topic, list]) => ({
      topic,
      entries: list.sort((a, b) => a.title.localeCompare(b.title)),
    }));
}
