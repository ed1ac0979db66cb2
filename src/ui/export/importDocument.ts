/**
 * Reading a document from a file: the text goes through the model's loader like any untrusted
 * input. Too large, unreadable or invalid → a message and nothing changes.
 */
import { loadScenario, MAX_DOCUMENT_BYTES, MAX_DOCUMENT_CHARS } from '../../model/load.ts';
import type { Scenario } from '../../model/types.ts';

export type ImportResult =
  { ok: true; doc: Scenario; warnings: string[] } | { ok: false; error: string };

export function importText(fileName: string, text: string): ImportResult {
  if (text.length > MAX_DOCUMENT_CHARS) {
    return { ok: false, error: `"${fileName}" is too large to be a scenario.` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: `"${fileName}" is not a JSON file, so nothing was imported.` };
  }
  const loaded = loadScenario(value);
  if (!loaded.ok) {
    return {
      ok: false,
      error: `"${fileName}" is not a valid scenario (${loaded.error}), so nothing was imported.`,
    };
  }
  return { ok: true, doc: loaded.scenario, warnings: loaded.warnings };
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
