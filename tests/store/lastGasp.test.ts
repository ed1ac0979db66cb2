// The last-gasp copy (#11): an edit not yet in IndexedDB when the tab goes away is written to
// localStorage synchronously, and the next start opens it when it is newer than the save, drops
// it when the save already has it, keeps it in Recent work when another tab has saved newer work
// since, and keeps an unreadable one aside with a note. Storage refusing the copy breaks nothing.
import { describe, expect, it } from 'vitest';
import type { SavedRecord } from '../../src/store/persistence.ts';
import { localStorageBackend, type Backend } from '../../src/store/storage/backends.ts';
import {
  judgeLastGasp,
  lastGaspKey,
  writeLastGasp,
  type LastGasp,
} from '../../src/store/storage/lastGasp.ts';
import {
  MemoryStorage,
  presetDoc,
  quotaError,
  refusingWrites,
  workspaceOpener,
} from './helpers.ts';

const open = workspaceOpener();

function named(name: string) {
  return { ...presetDoc(), name };
}

const record = (over: Partial<SavedRecord>): SavedRecord => ({
  doc: named('Saved'),
  rev: 3,
  savedAt: 1000,
  tab: 'A',
  edit: 5,
  ...over,
});

/** A save written before saves carried the tab's edit count. */
function uncounted(): SavedRecord {
  const r = record({});
  delete r.edit;
  return r;
}

const gasp = (over: Partial<LastGasp>): LastGasp => ({
  doc: named('Copied at close'),
  base: 3,
  edit: 6,
  savedAt: 2000,
  tab: 'A',
  ...over,
});

function gaspKeys(local: MemoryStorage): string[] {
  return Array.from({ length: local.length }, (_, i) => local.key(i) ?? '').filter((k) =>
    k.startsWith('archsim.lastgasp.'),
  );
}

/** A backend whose writes never finish once `hang` is set: the tab dies with them in flight. */
function dying(inner: Backend): Backend & { hang: boolean } {
  const b = {
    ...inner,
    hang: false,
    update: (key: string, change: (old: unknown) => unknown) =>
      b.hang ? new Promise<void>(() => {}) : inner.update(key, change),
  };
  return b;
}

describe('which copy wins', () => {
  it.each([
    ['nothing saved', null, gasp({}), 'open'],
    ['same tab, the copy has later edits', record({ edit: 5 }), gasp({ edit: 6 }), 'open'],
    ['same tab, an older save without a count', uncounted(), gasp({}), 'open'],
    ['same tab, the save has every edit', record({ edit: 6, rev: 4 }), gasp({ edit: 6 }), 'saved'],
    ['same tab, a later save', record({ edit: 9, rev: 7 }), gasp({ edit: 6 }), 'saved'],
    ['another tab, the save the copy built on', record({ tab: 'B', rev: 3 }), gasp({}), 'open'],
    ['another tab saved since', record({ tab: 'B', rev: 4 }), gasp({ base: 3 }), 'elsewhere'],
  ] as const)('%s: %s', (_, saved, copy, verdict) => {
    expect(judgeLastGasp(saved, copy)).toBe(verdict);
  });
});

describe('the copy at the next start', () => {
  it('an edit whose write was still in flight when the tab closed is there next time', async () => {
    const inner = localStorageBackend(new MemoryStorage());
    const backend = dying(inner);
    const local = new MemoryStorage();
    const first = await open(backend, { local });
    first.store.getState().setDoc(named('Before'));
    await first.ws.flush();
    backend.hang = true;
    first.store.getState().updateDocFields({ name: 'Edited as the tab closed' });
    dispatchEvent(new Event('pagehide'));
    first.ws.dispose(); // the tab is gone; its IndexedDB write never lands
    expect(((await inner.get('doc')) as SavedRecord).doc).toMatchObject({ name: 'Before' });
    expect(gaspKeys(local)).toHaveLength(1);

    const next = await open(inner, { local });
    expect(next.store.getState().doc.name).toBe('Edited as the tab closed');
    expect(next.store.getState().notices).toEqual([]);
    // Written where it belongs, and the copy is gone.
    const stored = (await inner.get('doc')) as SavedRecord;
    expect(stored.doc).toMatchObject({ name: 'Edited as the tab closed' });
    expect(stored.rev).toBe(2);
    expect(gaspKeys(local)).toEqual([]);
    // Nothing left to save: the reopened document is the stored one.
    await next.ws.flush();
    expect((await inner.get('doc')) as SavedRecord).toEqual(stored);
  });

  it('a tab hidden with its write landing afterwards leaves no copy behind', async () => {
    const backend = localStorageBackend(new MemoryStorage());
    const local = new MemoryStorage();
    const { store, ws } = await open(backend, { local });
    store.getState().setDoc(named('Edited, then hidden'));
    dispatchEvent(new Event('beforeunload'));
    expect(gaspKeys(local)).toHaveLength(1);
    await ws.flush();
    expect(gaspKeys(local)).toEqual([]);
  });

  it('an older copy than the save is dropped without a word', async () => {
    const backend = localStorageBackend(new MemoryStorage());
    const local = new MemoryStorage();
    await backend.set('doc', record({ edit: 8, rev: 5 }));
    writeLastGasp(local, gasp({ edit: 6 }));
    const { store } = await open(backend, { local });
    expect(store.getState().doc.name).toBe('Saved');
    expect(store.getState().notices).toEqual([]);
    expect(gaspKeys(local)).toEqual([]);
  });

  it("another tab's newer save is kept; the closed tab's edits go to Recent work", async () => {
    const backend = localStorageBackend(new MemoryStorage());
    const local = new MemoryStorage();
    await backend.set('doc', record({ tab: 'B', rev: 4, doc: named('Saved by tab B') }));
    writeLastGasp(local, gasp({ tab: 'A', base: 3, doc: named('Closed tab A') }));
    const { store } = await open(backend, { local });
    expect(store.getState().doc.name).toBe('Saved by tab B');
    const [note] = store.getState().notices;
    expect(note?.kind).toBe('info');
    expect(note?.text).toMatch(/"Closed tab A" .*another tab has saved newer work.*Recent work/);
    const recent = (await backend.get('recent')) as Array<{ name: string; replacedBy: string }>;
    expect(recent).toMatchObject([{ name: 'Closed tab A' }]);
    expect(gaspKeys(local)).toEqual([]);
  });

  it('two tabs closed on the same save: the newest copy opens, the other is in Recent work', async () => {
    const backend = localStorageBackend(new MemoryStorage());
    const local = new MemoryStorage();
    await backend.set('doc', record({ tab: 'C', rev: 3 }));
    writeLastGasp(local, gasp({ tab: 'A', savedAt: 2000, doc: named('Closed first') }));
    writeLastGasp(local, gasp({ tab: 'B', savedAt: 3000, doc: named('Closed last') }));
    const { store } = await open(backend, { local });
    expect(store.getState().doc.name).toBe('Closed last');
    const recent = (await backend.get('recent')) as Array<{ name: string }>;
    expect(recent.map((e) => e.name)).toEqual(['Closed first']);
    expect(gaspKeys(local)).toEqual([]);
  });

  it.each([
    ['not JSON', '{"doc": {"na'],
    ['not a copy', '[1, 2]'],
    ['a document that does not load', JSON.stringify(gasp({ doc: { version: 1, nodes: 'none' } }))],
  ])('a copy that is %s is kept aside, told, and ignored', async (_, raw) => {
    const storage = new MemoryStorage();
    const backend = localStorageBackend(storage);
    const local = new MemoryStorage();
    await backend.set('doc', record({}));
    local.setItem(lastGaspKey('A'), raw);
    const { store } = await open(backend, { local });
    expect(store.getState().doc.name).toBe('Saved');
    const [note] = store.getState().notices;
    expect(note?.kind).toBe('error');
    expect(note?.text).toMatch(/just before it closed could not be opened .*kept aside under "/);
    const aside = /under "([^"]+)"/.exec(note?.text ?? '')?.[1] ?? '';
    expect(JSON.parse(storage.getItem(`archsim.work.${aside}`) ?? 'null')).toBe(raw);
    expect(gaspKeys(local)).toEqual([]);
  });

  it('a copy that cannot be saved at start (storage full) opens, and is saved later', async () => {
    const inner = localStorageBackend(new MemoryStorage());
    let full = true;
    const backend = refusingWrites(inner, () => full);
    const local = new MemoryStorage();
    await inner.set('doc', record({}));
    writeLastGasp(local, gasp({}));
    const { store, ws } = await open(backend, { local });
    expect(store.getState().doc.name).toBe('Copied at close');
    expect(gaspKeys(local)).toHaveLength(1); // not in storage yet: the copy stays
    full = false;
    await ws.flush();
    expect(((await inner.get('doc')) as SavedRecord).doc).toMatchObject({
      name: 'Copied at close',
    });
    expect(gaspKeys(local)).toEqual([]);
  });
});

describe('storage refusing the copy', () => {
  it('a full or blocked localStorage: no copy, no exception, the save goes on', async () => {
    const refusing = new MemoryStorage();
    refusing.setItem = () => {
      throw quotaError();
    };
    expect(writeLastGasp(refusing, gasp({}))).toBe(false);

    const backend = localStorageBackend(new MemoryStorage());
    const { store, ws } = await open(backend, { local: refusing });
    store.getState().setDoc(named('Edited'));
    expect(() => dispatchEvent(new Event('pagehide'))).not.toThrow();
    await ws.flush();
    expect(((await backend.get('doc')) as SavedRecord).doc).toMatchObject({ name: 'Edited' });
  });

  it('no localStorage at all (storage refused): start and hiding work as before', async () => {
    const backend = localStorageBackend(new MemoryStorage());
    const { store, ws } = await open(backend, { local: null });
    store.getState().setDoc(named('Edited'));
    dispatchEvent(new Event('pagehide'));
    await ws.flush();
    expect(ws.status()).toBe('saved');
  });
});
