// Recent work: each entry can be deleted from the menu by a named button; it goes from the list
// and from storage, and the others stay restorable.
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useAppStore } from '../../src/store/index.ts';
import { localStorageBackend, type Backend } from '../../src/store/storage/backends.ts';
import { currentWorkspace, openWorkspace } from '../../src/store/workspace.ts';
import { RecentWorkMenu } from '../../src/ui/history/RecentWorkMenu.tsx';
import { MemoryStorage, presetDoc, refusingWrites } from '../store/helpers.ts';
import { resetStore } from './editorHelpers.ts';

afterEach(() => currentWorkspace()?.dispose());

async function withTwoEntries(backend: Backend) {
  resetStore();
  const ws = await openWorkspace(useAppStore, { backend, local: null, channel: null });
  await ws.keepInRecent({ ...presetDoc(), name: 'First design' }, 'a link');
  await ws.keepInRecent({ ...presetDoc(), name: 'Second design' }, 'a preset');
  render(<RecentWorkMenu />);
  await userEvent.click(screen.getByRole('button', { name: 'Recent work' }));
  return screen.getByRole('list', { name: 'Recent work' });
}

const names = async (backend: Backend) =>
  ((await backend.get('recent')) as Array<{ name: string }>).map((e) => e.name);

describe('deleting from Recent work', () => {
  it('a named Delete button takes the entry off the list and out of storage', async () => {
    const backend = localStorageBackend(new MemoryStorage());
    const list = await withTwoEntries(backend);
    expect(await names(backend)).toEqual(['Second design', 'First design']);

    await userEvent.click(
      within(list).getByRole('button', {
        name: /^Delete "First design" \(replaced at .+\) from Recent work$/,
      }),
    );
    await expect.poll(() => names(backend)).toEqual(['Second design']);
    expect(within(list).queryByRole('button', { name: /First design/ })).toBeNull();
    // The other is still there, and restores.
    await userEvent.click(within(list).getByRole('button', { name: /^Restore "Second design"/ }));
    expect(useAppStore.getState().doc.name).toBe('Second design');
  });

  it('storage refusing the change: gone from the list, and the user is told it may return', async () => {
    const inner = localStorageBackend(new MemoryStorage());
    let refuse = false;
    const backend = refusingWrites(
      inner,
      () => refuse,
      () => new Error('refused'),
    );
    const list = await withTwoEntries(backend);
    refuse = true;
    await userEvent.click(within(list).getByRole('button', { name: /^Delete "Second design"/ }));
    await expect
      .poll(() => useAppStore.getState().notices.map((n) => n.text))
      .toContainEqual(expect.stringMatching(/"Second design" was taken off this list.*refused/));
    expect(within(list).queryByRole('button', { name: /Second design/ })).toBeNull();
  });
});
