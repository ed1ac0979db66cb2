/**
 * Recent work: every document that a link, a preset, an import, Blank canvas or another tab
 * replaced, newest first, so a replaced design is one click away. Pure list operations; the list
 * is stored by the workspace (workspace.ts) and is untrusted when read back: each entry's document
 * goes through the model's loader again before it is opened.
 */
import type { Scenario } from '../model/types.ts';

/** How many replaced documents are kept (the oldest goes first). */
export const RECENT_LIMIT = 30;

export interface RecentEntry {
  id: string;
  name: string;
  /** When it was replaced (ms since 1970). */
  savedAt: number;
  nodeCount: number;
  /** The document that took its place, or why it is here. */
  replacedBy: string;
  doc: Scenario;
}

/** A document with nothing in it is not worth a history entry. */
export function isEmptyDocument(doc: Scenario): boolean {
  return doc.nodes.length === 0 && doc.description.trim() === '';
}

export function sameDocument(a: Scenario, b: Scenario): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export function entryFor(doc: Scenario, replacedBy: string, now: number): RecentEntry {
  const id = `${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return { id, name: doc.name, savedAt: now, nodeCount: doc.nodes.length, replacedBy, doc };
}

/** The entries of a stored list that have the right shape (their documents are checked later). */
export function readRecent(value: unknown): RecentEntry[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (e): e is RecentEntry =>
      typeof e === 'object' &&
      e !== null &&
      typeof (e as RecentEntry).id === 'string' &&
      typeof (e as RecentEntry).name === 'string' &&
      typeof (e as RecentEntry).savedAt === 'number' &&
      typeof (e as RecentEntry).nodeCount === 'number' &&
      typeof (e as RecentEntry).replacedBy === 'string' &&
      typeof (e as RecentEntry).doc === 'object' &&
      (e as RecentEntry).doc !== null,
  );
}

/** The list with `entry` first; an older entry with the same document moves up instead. */
export function withEntry(list: readonly RecentEntry[], entry: RecentEntry): RecentEntry[] {
  const others = list.filter((e) => !sameDocument(e.doc, entry.doc));
  return [entry, ...others].slice(0, RECENT_LIMIT);
}
