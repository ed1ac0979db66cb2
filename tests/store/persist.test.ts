import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/store/index.ts';
import { BACKUP_KEY, DOC_KEY } from '../../src/store/persistence.ts';
import { MemoryStorage, freshStore } from './helpers.ts';

describe('saving the document in the browser', () => {
  it('saves edits and restores them in a new store', () => {
    const storage = new MemoryStorage();
    const store = freshStore(storage);
    const id = store.getState().addNode('database', { x: 800, y: 100 });
    store.getState().updateDocFields({ name: 'My design' });
    const again = createAppStore({ storage });
    expect(again.getState().restoredFromStorage).toBe(true);
    expect(again.getState().doc.name).toBe('My design');
    expect(again.getState().doc.nodes.some((n) => n.id === id)).toBe(true);
  });

  it('saves only the document, not the selection or messages', () => {
    const storage = new MemoryStorage();
    const store = freshStore(storage);
    store.getState().select(['api']);
    store.getState().notify('info', 'hello');
    const saved = JSON.parse(storage.getItem(DOC_KEY) ?? '{}') as { state: object };
    expect(Object.keys(saved.state)).toEqual(['doc']);
  });

  it('keeps a saved document that no longer loads aside, with a message', () => {
    const storage = new MemoryStorage();
    const broken = JSON.stringify({
      state: { doc: { version: 1, nodes: 'not a list' } },
      version: 1,
    });
    storage.setItem(DOC_KEY, broken);
    const store = createAppStore({ storage });
    expect(store.getState().restoredFromStorage).toBe(false);
    expect(storage.getItem(BACKUP_KEY)).toBe(broken);
    const notice = store.getState().notices[0];
    expect(notice?.kind).toBe('error');
    expect(notice?.text).toContain(BACKUP_KEY);
    // Editing afterwards writes the new document but the backup stays.
    store.getState().addNode('client', { x: 0, y: 0 });
    expect(storage.getItem(BACKUP_KEY)).toBe(broken);
  });

  it('keeps text that is not even JSON aside', () => {
    const storage = new MemoryStorage();
    storage.setItem(DOC_KEY, '{"state": {"doc": ');
    const store = createAppStore({ storage });
    expect(storage.getItem(BACKUP_KEY)).toBe('{"state": {"doc": ');
    expect(store.getState().notices).toHaveLength(1);
  });

  it('a first visit has nothing to restore and no message', () => {
    const store = createAppStore({ storage: new MemoryStorage() });
    expect(store.getState().restoredFromStorage).toBe(false);
    expect(store.getState().notices).toEqual([]);
  });

  it('the read-only (embedded) view never writes', () => {
    const storage = new MemoryStorage();
    const store = freshStore(storage);
    const saved = storage.getItem(DOC_KEY);
    store.getState().setReadOnly(true);
    store.getState().moveNodes([{ id: 'api', position: { x: 1, y: 1 } }]);
    expect(storage.getItem(DOC_KEY)).toBe(saved);
  });
});
