// The work saved in this browser: restored at start, every edit saved, unreadable saves kept
// aside under keys of their own, a full store told and the work kept, two tabs never overwriting
// each other's newer work, wave 1's localStorage migrated, a document that failed to render not
// reopened.
import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../src/store/index.ts';
import {
  BACKUP_KEY,
  DOC_KEY,
  PREVIOUS_KEY,
  type SavedRecord,
} from '../../src/store/persistence.ts';
import { RECENT_LIMIT } from '../../src/store/recentWork.ts';
import {
  localStorageBackend,
  memoryBackend,
  type Backend,
} from '../../src/store/storage/backends.ts';
import { SIGNAL_KEY, defaultChannel, storageChannel } from '../../src/store/storage/tabChannel.ts';
import { keepReplacedWork } from '../../src/store/workspace.ts';
import {
  MemoryStorage,
  freshStore,
  presetDoc,
  refusingWrites,
  workspaceOpener,
} from './helpers.ts';

/** A store that keeps what it is given (unlike memory, which the app reports as not saving). */
const durable = () => localStorageBackend(new MemoryStorage());
const open = workspaceOpener();

async function saved(backend: Backend): Promise<SavedRecord> {
  return (await backend.get('doc')) as SavedRecord;
}

async function backups(storage: MemoryStorage): Promise<string[]> {
  return Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '').filter((k) =>
    k.includes('backup.'),
  );
}

describe('saving the work in this browser', () => {
  it('saves each edit and restores it in a new page', async () => {
    const backend = durable();
    const { store, ws } = await open(backend);
    store.getState().setDoc(presetDoc());
    store.getState().updateDocFields({ name: 'My design' });
    await ws.flush();
    expect(ws.status()).toBe('saved');
    const record = await saved(backend);
    expect(Object.keys(record).sort()).toEqual(['doc', 'edit', 'rev', 'savedAt', 'tab']);
    ws.dispose();

    const again = await open(backend);
    expect(again.store.getState().restoredFromStorage).toBe(true);
    expect(again.store.getState().doc.name).toBe('My design');
    expect(again.store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('a first visit has nothing to restore and no message', async () => {
    const { store } = await open(durable());
    expect(store.getState().restoredFromStorage).toBe(false);
    expect(store.getState().notices).toEqual([]);
  });

  it('keeps each unreadable save aside under its own key, and never writes over them', async () => {
    const storage = new MemoryStorage();
    const backend = localStorageBackend(storage);
    storage.setItem('archsim.work.doc', '{"rev": 1, "doc": ');
    const first = await open(backend);
    expect(first.store.getState().restoredFromStorage).toBe(false);
    const notice = first.store.getState().notices[0];
    expect(notice?.kind).toBe('error');
    const [key1] = await backups(storage);
    expect(notice?.text).toContain(key1?.replace('archsim.work.', ''));
    expect(JSON.parse(storage.getItem(key1 ?? '') ?? '')).toBe('{"rev": 1, "doc": ');
    first.ws.dispose();

    // A second, different corruption: a second backup beside the first.
    const broken = { rev: 2, doc: { version: 1, nodes: 'not a list' } };
    storage.setItem('archsim.work.doc', JSON.stringify(broken));
    const second = await open(backend);
    expect(await backups(storage)).toHaveLength(2);
    second.store.getState().addNode('client', { x: 0, y: 0 });
    await second.ws.flush();
    expect(second.ws.status()).toBe('saved');
    const keys = await backups(storage);
    expect(keys).toHaveLength(2);
    expect(storage.getItem(key1 ?? '')).toBe(JSON.stringify('{"rev": 1, "doc": '));
  });

  it('writes nothing over an unreadable save that could not be copied aside', async () => {
    const storage = new MemoryStorage();
    storage.setItem('archsim.work.doc', 'not json');
    const inner = localStorageBackend(storage);
    const full: Backend = {
      ...inner,
      set: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
    };
    const { store, ws } = await open(full);
    expect(store.getState().notices[0]?.text).toMatch(/no room to keep a copy/);
    store.getState().addNode('client', { x: 0, y: 0 });
    await ws.flush();
    expect(ws.status()).toBe('blocked');
    expect(storage.getItem('archsim.work.doc')).toBe('not json');
  });

  it('tells the user once when the store is full, keeps the work, and recovers', async () => {
    const inner = durable();
    let refuse = true;
    const backend = refusingWrites(inner, () => refuse);
    const { store, ws } = await open(backend);
    store.getState().setDoc(presetDoc());
    await ws.flush();
    store.getState().updateDocFields({ name: 'Still here' });
    await ws.flush();
    expect(ws.status()).toBe('failed');
    const errors = store.getState().notices.filter((n) => n.kind === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.text).toMatch(/storage for archsim is full.*stay open in this tab/);
    expect(store.getState().doc.name).toBe('Still here');
    await ws.keepInRecent({ ...presetDoc(), name: 'Replaced while full' }, 'next');
    refuse = false;
    store.getState().updateDocFields({ name: 'Saved at last' });
    await ws.flush();
    expect(ws.status()).toBe('saved');
    expect(((await saved(inner)).doc as { name: string }).name).toBe('Saved at last');
    // What was replaced while full is stored with the first save that works.
    const recent = (await inner.get('recent')) as Array<{ name: string }>;
    expect(recent.map((e) => e.name)).toEqual(['Replaced while full']);
  });

  it('a save with a misspelt field reopens with a note, told once', async () => {
    const backend = durable();
    const doc = JSON.parse(JSON.stringify(presetDoc())) as { nodes: Array<{ params: object }> };
    doc.nodes[1]!.params = { ...doc.nodes[1]!.params, wrokers: 8 };
    await backend.set('doc', { doc, rev: 3, savedAt: 0, tab: 'old' });
    const first = await open(backend);
    const [note] = first.store.getState().notices;
    expect(note?.kind).toBe('info');
    expect(note?.text).toMatch(/^Reopened your saved work ".+"\. Note: nodes\[1\]\.params: /);
    expect(note?.text).toMatch(/unknown field "wrokers" ignored \(did you mean "workers"\?\)/);
    await first.ws.flush();
    expect(JSON.stringify((await saved(backend)).doc)).not.toContain('wrokers');
    first.ws.dispose();

    const again = await open(backend);
    expect(again.store.getState().restoredFromStorage).toBe(true);
    expect(again.store.getState().notices).toEqual([]);
  });

  it.each([
    ['the tab is hidden', () => document.dispatchEvent(new Event('visibilitychange'))],
    ['the page goes away', () => dispatchEvent(new Event('pagehide'))],
  ])('writes the pending edit at once when %s, not after the delay', async (_, hide) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const hidden = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    try {
      const backend = durable();
      const { store } = await open(backend);
      store.getState().setDoc(presetDoc());
      store.getState().updateDocFields({ name: 'Edited, then hidden' });
      await Promise.resolve();
      expect(await backend.get('doc')).toBeUndefined(); // the save timer has not fired
      hide();
      // Only microtasks run (the save timer is fake and never advanced).
      await new Promise((done) => setImmediate(done));
      expect(((await backend.get('doc')) as SavedRecord | undefined)?.doc).toMatchObject({
        name: 'Edited, then hidden',
      });
    } finally {
      hidden.mockRestore();
      vi.useRealTimers();
    }
  });

  it('storage refused: the work lives in memory, with a quiet note', async () => {
    const { store, ws } = await open(memoryBackend());
    store.getState().setDoc(presetDoc());
    await ws.flush();
    expect(ws.status()).toBe('memory');
    expect(store.getState().notices.map((n) => n.kind)).toEqual(['info']);
    expect(store.getState().notices[0]?.text).toMatch(/stays in this tab only/);
  });

  it('the read-only (embedded) view never writes', async () => {
    const backend = durable();
    const { store, ws } = await open(backend, { readOnly: true });
    store.getState().setDoc(presetDoc());
    await ws.flush();
    expect(await backend.get('doc')).toBeUndefined();
    expect(ws.status()).toBe('off');
  });
});

describe('two tabs', () => {
  it('an older tab never writes over newer work, and can keep its own on purpose', async () => {
    const backend = durable();
    const seed = await open(backend);
    seed.store.getState().setDoc(presetDoc());
    await seed.ws.flush();
    seed.ws.dispose();

    const a = await open(backend);
    const b = await open(backend);
    a.store.getState().updateDocFields({ name: 'From tab A' });
    await a.ws.flush();
    b.store.getState().updateDocFields({ name: 'From tab B' });
    await b.ws.flush();
    expect(b.ws.status()).toBe('conflict');
    expect(((await saved(backend)).doc as { name: string }).name).toBe('From tab A');

    // B keeps its copy: A's newer work goes to Recent work first.
    const latest = await b.ws.readLatest();
    expect(latest?.doc?.name).toBe('From tab A');
    await b.ws.keepInRecent(latest!.doc!, b.store.getState().doc);
    b.ws.adopt(latest!.rev);
    b.store.getState().updateDocFields({ name: 'From tab B, kept' });
    await b.ws.flush();
    expect(b.ws.status()).toBe('saved');
    expect(((await saved(backend)).doc as { name: string }).name).toBe('From tab B, kept');
    const recent = (await backend.get('recent')) as Array<{ name: string }>;
    expect(recent.map((e) => e.name)).toContain('From tab A');
  });

  it('a tab told by the channel stops saving until the user chooses', async () => {
    const backend = durable();
    type Fake = { onmessage: ((e: MessageEvent) => void) | null };
    const all: Fake[] = [];
    const channel = () => {
      const c = {
        onmessage: null as ((e: MessageEvent) => void) | null,
        postMessage: (data: unknown) =>
          all.forEach((o) => o !== c && o.onmessage?.({ data } as MessageEvent)),
        close: () => {},
      };
      all.push(c);
      return c;
    };
    const a = await open(backend, { channel: channel() });
    const b = await open(backend, { channel: channel() });
    a.store.getState().setDoc(presetDoc());
    await a.ws.flush();
    expect(b.ws.status()).toBe('conflict');
  });

  it('without BroadcastChannel, the storage event tells the other tab', async () => {
    // Two tabs: each has its own window; a write by one fires `storage` in the other only.
    const windows = [new EventTarget(), new EventTarget()];
    const shared = new MemoryStorage();
    const tabStorage = (me: number): Storage =>
      Object.assign(Object.create(shared) as Storage, {
        setItem(key: string, value: string) {
          shared.setItem(key, value);
          windows[1 - me]!.dispatchEvent(new StorageEvent('storage', { key, newValue: value }));
        },
      });
    const backend = durable();
    const a = await open(backend, { channel: storageChannel(tabStorage(0), windows[0]) });
    const b = await open(backend, { channel: storageChannel(tabStorage(1), windows[1]) });
    a.store.getState().setDoc(presetDoc());
    await a.ws.flush();
    expect(a.ws.status()).toBe('saved');
    expect(b.ws.status()).toBe('conflict');
  });

  it('where BroadcastChannel is missing, the page uses the storage event by itself', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    try {
      // The channel the page picks for itself.
      const { store, ws } = await open(durable(), { channel: defaultChannel() });
      store.getState().setDoc(presetDoc());
      await ws.flush();
      // Its own save is announced through localStorage…
      const sent = JSON.parse(localStorage.getItem(SIGNAL_KEY) ?? '{}') as {
        message?: { rev?: number };
      };
      expect(sent.message?.rev).toBe(1);
      // …and another tab's is heard from the page's `storage` event.
      const newer = JSON.stringify({ message: { rev: 2, tab: 'other' }, nonce: 0.5 });
      dispatchEvent(new StorageEvent('storage', { key: SIGNAL_KEY, newValue: newer }));
      expect(ws.status()).toBe('conflict');
    } finally {
      vi.unstubAllGlobals();
      localStorage.clear();
    }
  });
});

describe('recent work', () => {
  it('keeps each replaced document, newest first, up to the limit, and skips empty ones', async () => {
    const backend = durable();
    const { store, ws } = await open(backend);
    const base = presetDoc();
    for (let i = 0; i < RECENT_LIMIT + 5; i++) {
      await ws.keepInRecent({ ...base, name: `Design ${i}` }, 'next');
    }
    await ws.keepInRecent(createAppStore().getState().doc, 'next');
    const recent = (await backend.get('recent')) as Array<{ name: string; nodeCount: number }>;
    expect(recent).toHaveLength(RECENT_LIMIT);
    expect(recent[0]?.name).toBe(`Design ${RECENT_LIMIT + 4}`);
    expect(recent[0]?.nodeCount).toBe(base.nodes.length);
    // Opening another document on the page's store keeps the one it replaces.
    store.getState().setDoc({ ...base, name: 'On the canvas' });
    keepReplacedWork(store, store.getState().doc, { ...base, name: 'Incoming' });
    await ws.flush();
    await ws.refreshRecent();
    const again = (await backend.get('recent')) as Array<{ name: string; replacedBy: string }>;
    expect(again[0]).toMatchObject({ name: 'On the canvas', replacedBy: 'Incoming' });
  });

  it('a document that failed to render is offered from Recent work, not reopened', async () => {
    const backend = durable();
    const first = await open(backend);
    first.store.getState().setDoc({ ...presetDoc(), name: 'Breaks the page' });
    await first.ws.markFailedToRender(first.store.getState().doc);
    first.ws.dispose();
    const again = await open(backend);
    expect(again.store.getState().restoredFromStorage).toBe(false);
    expect(again.store.getState().notices[0]?.text).toMatch(/"Breaks the page" could not be shown/);
    const recent = (await backend.get('recent')) as Array<{ name: string }>;
    expect(recent[0]?.name).toBe('Breaks the page');
  });
});

describe("wave 1's localStorage", () => {
  it('moves the saved document, the previous slot and the backup into the store in use', async () => {
    const legacy = new MemoryStorage();
    const wave1 = (name: string) => JSON.stringify({ state: { doc: { ...presetDoc(), name } } });
    legacy.setItem(DOC_KEY, wave1('Saved by wave 1'));
    legacy.setItem(PREVIOUS_KEY, wave1('Previous'));
    legacy.setItem(BACKUP_KEY, 'garbage');
    const storage = new MemoryStorage();
    const { store, ws } = await open(localStorageBackend(storage), { local: legacy });
    expect(store.getState().doc.name).toBe('Saved by wave 1');
    await ws.flush();
    expect(legacy.getItem(DOC_KEY)).toBeNull();
    expect(legacy.getItem(BACKUP_KEY)).toBeNull();
    const record = JSON.parse(storage.getItem('archsim.work.doc') ?? '') as SavedRecord;
    expect((record.doc as { name: string }).name).toBe('Saved by wave 1');
    const recent = JSON.parse(storage.getItem('archsim.work.recent') ?? '') as Array<{
      name: string;
    }>;
    expect(recent.map((e) => e.name)).toEqual(['Previous']);
    expect(await backups(storage)).toHaveLength(1);
    expect(freshStore().getState().doc.nodes.length).toBeGreaterThan(0);
  });
});
