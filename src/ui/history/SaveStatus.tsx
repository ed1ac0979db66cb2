/**
 * Whether the work is saved in this browser, in one or two words beside the scenario menus; the
 * tooltip says where and when. A refused or full store is also told in a notice (workspace.ts).
 */
import { useWorkspaceStore, type SaveState } from '../../store/workspace.ts';
import './history.css';

const WORDS: Record<Exclude<SaveState, 'off'>, string> = {
  saving: 'Saving…',
  saved: 'Saved',
  failed: 'Not saved',
  memory: 'This tab only',
  conflict: 'Not saved: newer work in another tab',
  blocked: 'Not saved',
};

const WHERE = { indexedDB: 'IndexedDB', localStorage: 'local storage', memory: 'memory' };

export function SaveStatus() {
  const { save, savedAt, problem, backend } = useWorkspaceStore();
  if (save === 'off') return null;
  const at = savedAt ? ` at ${new Date(savedAt).toLocaleTimeString()}` : '';
  const title =
    save === 'memory'
      ? 'This browser refuses storage here: the work is kept in this tab only. Export it to keep it.'
      : problem
        ? `Not saved: ${problem}`
        : `Saved in this browser (${backend ? WHERE[backend] : '…'})${at}`;
  return (
    <span className={`save-status save-status--${save}`} data-testid="save-status" title={title}>
      {WORDS[save]}
    </span>
  );
}
