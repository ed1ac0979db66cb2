/**
 * "Import": opens a JSON scenario file. A file that cannot be used shows an alert and leaves
 * the open document untouched; a good one replaces it as one undo step.
 */
import { useRef } from 'react';
import { useAppStore } from '../../store/index.ts';
import { DROPPED_B_NOTE, openAnotherDocument } from '../analysis/variants.ts';
import { warningNote } from '../../store/warningNote.ts';
import { importFile } from './importDocument.ts';

export function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const notify = useAppStore((s) => s.notify);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const result = await importFile(file);
    if (input.current) input.current.value = '';
    if (!result.ok) {
      notify('error', result.error);
      return;
    }
    const droppedB = openAnotherDocument(result.doc);
    notify(
      'info',
      `Imported "${result.doc.name}".${warningNote(result.warnings)}${droppedB ? DROPPED_B_NOTE : ''}`,
    );
  };

  return (
    <>
      <button
        type="button"
        className="btn"
        title="Open a scenario from a JSON file"
        onClick={() => input.current?.click()}
      >
        Import
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label="Import JSON"
        hidden
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
    </>
  );
}
