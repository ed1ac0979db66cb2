/**
 * Reading a document from a file: the text goes through the model's loader like any untrusted
 * input, read exactly as the command line reads a file. Too large, unreadable or invalid → a
 * message and nothing changes.
 */
import { loadScenario, MAX_DOCUMENT_BYTES } from '../../model/load.ts';
import type { Scenario } from '../../model/types.ts';

export type ImportResult =
  { ok: true; doc: Scenario; warnings: string[] } | { ok: false; error: string };

export function importText(fileName: string, text: string): ImportResult {
  // The loader reads the text as the command line does: a byte-order mark skipped, the size
  // checked before parsing.
  const loaded = loadScenario(text);
  if (loaded.ok) return { ok: true, doc: loaded.scenario, warnings: loaded.warnings };
  const why = loaded.error.replace(/^document: /, '');
  if (loaded.path === '' && why.startsWith('is too large')) {
    return { ok: false, error: `"${fileName}" ${why}, so nothing was imported.` };
  }
  if (loaded.path === '' && why.startsWith('is not valid JSON')) {
    return { ok: false, error: `"${fileName}" is not a JSON file, so nothing was imported.` };
  }
  return {
    ok: false,
    error: `"${fileName}" is not a valid scenario (${loaded.error}), so nothing was imported.`,
  };
}

export async function importFile(file: File): Promise<ImportResult> {
  if (file.size > MAX_DOCUMENT_BYTES) {
    return { ok: false, error: `"${file.name}" is too large to be a scenario.` };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: `"${file.name}" could not be read.` };
  }
  return importText(file.name, text);
}
