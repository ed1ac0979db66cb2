/**
 * zustand for the UI tests (tests/ui/setup.ts mocks it with this): the real `create`, which also
 * keeps each store's first state so `resetStores` can put every store back as a fresh page would
 * have it. The UI test files share one module graph (vitest.config.ts), so without this one
 * file's selection, panel choices or open document would be the next file's starting state.
 */
import { vi } from 'vitest';
import type * as Zustand from 'zustand';

export * from 'zustand';

const actual = await vi.importActual<typeof Zustand>('zustand');

const resets = new Set<() => void>();

/** A store with undo history (zundo's `temporal`, as the app store has). */
interface WithHistory {
  temporal?: Zustand.StoreApi<{ clear: () => void }>;
}

function track<T>(store: Zustand.UseBoundStore<Zustand.StoreApi<T>>) {
  const first = store.getInitialState();
  resets.add(() => {
    store.setState(first, true);
    (store as WithHistory).temporal?.getState().clear();
  });
  return store;
}

export const create = (<T>(creator?: Zustand.StateCreator<T, [], []>) =>
  creator === undefined
    ? (c: Zustand.StateCreator<T, [], []>) => track(actual.create<T>()(c))
    : track(actual.create<T>()(creator))) as typeof Zustand.create;

/** Every store made so far, back to its first state, without undo history. */
export function resetStores(): void {
  for (const reset of resets) reset();
}
