/**
 * "Presets": a popover listing the bundled lessons grouped by topic, with a search. Choosing one
 * replaces the document through the store's setDoc, so it is one undo step away from the work
 * that was open (which the browser also keeps saved).
 */
import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/index.ts';
import { EMPTY_DOC } from '../../store/graphSlice.ts';
import { DROPPED_B_NOTE, openAnotherDocument } from '../analysis/variants.ts';
import { Popover } from '../share/Popover.tsx';
import { groupPresets, loadCatalogue, type PresetEntry } from './catalogue.ts';

export function PresetsMenu() {
  return (
    <Popover label="Presets" title="Open a lesson scenario" wide>
      {(close) => <PresetsList onChosen={close} />}
    </Popover>
  );
}

function PresetsList({ onChosen }: { onChosen: () => void }) {
  const [entries, setEntries] = useState<PresetEntry[] | null>(null);
  const [query, setQuery] = useState('');
  const notify = useAppStore((s) => s.notify);

  useEffect(() => {
    let live = true;
    loadCatalogue().then(
      (list) => live && setEntries(list),
      () => live && setEntries([]),
    );
    return () => {
      live = false;
    };
  }, []);

  const choose = (e: PresetEntry) => {
    const droppedB = openAnotherDocument(e.doc);
    notify(
      'info',
      `Opened the preset "${e.title}". Undo (Ctrl+Z) brings back what was open.${droppedB ? DROPPED_B_NOTE : ''}`,
    );
    onChosen();
  };

  // Designing from scratch: an empty canvas, one undo step away from what was open.
  const blank = () => {
    const droppedB = openAnotherDocument(EMPTY_DOC);
    notify(
      'info',
      `Opened a blank canvas: drag components from the palette. Undo (Ctrl+Z) brings back what was open.${droppedB ? DROPPED_B_NOTE : ''}`,
    );
    onChosen();
  };

  const groups = entries ? groupPresets(entries, query) : [];
  return (
    <>
      <label htmlFor="preset-search">Search presets</label>
      <input
        id="preset-search"
        type="search"
        placeholder="cache, retry, knee…"
        value={query}
        autoFocus
        onChange={(e) => setQuery(e.target.value)}
      />
      <button type="button" className="presets__item presets__blank" onClick={blank}>
        Blank canvas
      </button>
      {entries === null && <p className="popover__note">Loading…</p>}
      {entries !== null && groups.length === 0 && (
        <p className="popover__note">No preset matches “{query}”.</p>
      )}
      {groups.map((g) => (
        <section key={g.topic} className="presets__group" aria-label={g.topic}>
          <h3 className="presets__topic">{g.topic}</h3>
          <ul className="presets__list">
            {g.entries.map((e) => (
              <li key={e.id}>
                <button type="button" className="presets__item" onClick={() => choose(e)}>
                  {e.title}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
