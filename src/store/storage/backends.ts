/**
 * Where this browser keeps the user's work: IndexedDB when the browser lets us (room for many
 * documents, and a write that has completed is on disk), else localStorage, else memory (storage
 * refused: a cross-site iframe, privacy settings). One small key-value interface over the three.
 *
 * IndexedDB goes through idb-keyval: a maintained ~600-byte wrapper that turns requests into
 * promises and does a read-and-write in one transaction (`update`), which is all we need; our own
 * connection asks for `durability: 'strict'` so "saved" means flushed, not just queued.
 */
import { get, promisifyRequest, update, type UseStore } from 'idb-keyval';

export type BackendKind = 'indexedDB' | 'localStorage' | 'memory';

/** A saved value that is not even JSON (a hand edit, a half-written localStorage entry). */
export class Unreadable {
  readonly raw: string;
  constructor(raw: string) {
    this.raw = raw;
  }
}

export interface Backend {
  readonly kind: BackendKind;
  get(key: string): Promise<unknown>;
  /** Reads the value, hands it to `change` and writes what it returns, as one step (two tabs
   *  cannot interleave). `change` may throw to write nothing. */
  update(key: string, change: (old: unknown) => unknown): Promise<void>;
  set(key: string, value: unknown): Promise<void>;
}

const DB_NAME = 'archsim';
const STORE_NAME = 'work';
/** Keys of the localStorage fallback (wave 1 used `archsim.doc.v1`, migrated at start). */
const LOCAL_PREFIX = 'archsim.work.';
/** A browser that neither opens nor refuses the database within this long is treated as refusing. */
const OPEN_TIMEOUT_MS = 2000;

function connect(): Promise<IDBDatabase> {
  const request = globalThis.indexedDB.open(DB_NAME, 1);
  request.onupgradeneeded = () => request.result.createObjectStore(STORE_NAME);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('IndexedDB did not open')), OPEN_TIMEOUT_MS);
  });
  return Promise.race([promisifyRequest(request), timeout]).finally(() => clearTimeout(timer));
}

/** idb-keyval's store over our own connection: strict durability, and a connection closed by
 *  another page (a site-data reset, a newer archsim deleting or upgrading the database) is
 *  opened again on the next write instead of failing every write from then on. */
function idbStore(): UseStore {
  let db: Promise<IDBDatabase> | null = null;
  const open = () => {
    db ??= connect().then((d) => {
      d.onversionchange = () => {
        d.close();
        db = null;
      };
      d.onclose = () => (db = null);
      return d;
    });
    db.catch(() => (db = null));
    return db;
  };
  return (mode, callback) =>
    open().then((d) =>
      callback(d.transaction(STORE_NAME, mode, { durability: 'strict' }).objectStore(STORE_NAME)),
    );
}

async function openIndexedDb(): Promise<Backend> {
  const store = idbStore();
  // A read proves the store is usable (some private modes open and then refuse).
  await get('doc', store);
  return {
    kind: 'indexedDB',
    get: (key) => get(key, store),
    update: (key, change) => update(key, change, store),
    set: (key, value) => update(key, () => value, store),
  };
}

export function localStorageBackend(storage: Storage): Backend {
  const read = (key: string): unknown => {
    const raw = storage.getItem(LOCAL_PREFIX + key);
    if (raw === null) return undefined;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return new Unreadable(raw);
    }
  };
  const write = (key: string, value: unknown) => {
    storage.setItem(LOCAL_PREFIX + key, JSON.stringify(value));
  };
  return {
    kind: 'localStorage',
    get: (key) => Promise.resolve().then(() => read(key)),
    update: (key, change) => Promise.resolve().then(() => write(key, change(read(key)))),
    set: (key, value) => Promise.resolve().then(() => write(key, value)),
  };
}

export function memoryBackend(): Backend {
  const items = new Map<string, unknown>();
  return {
    kind: 'memory',
    get: (key) => Promise.resolve(structuredClone(items.get(key))),
    update: (key, change) =>
      Promise.resolve().then(() => {
        items.set(key, structuredClone(change(structuredClone(items.get(key)))));
      }),
    set: (key, value) => Promise.resolve().then(() => void items.set(key, structuredClone(value))),
  };
}

/** The page's localStorage, or null when reading it throws (storage refused). */
export function pageLocalStorage(): Storage | null {
  try {
    const storage = globalThis.localStorage;
    storage.getItem(LOCAL_PREFIX + 'probe');
    return storage;
  } catch {
    return null;
  }
}

/** The best store this browser allows: IndexedDB, else localStorage, else memory. */
export async function openBackend(): Promise<Backend> {
  try {
    return await openIndexedDb();
  } catch {
    // Refused, missing or stuck: try the next one.
  }
  const local = pageLocalStorage();
  return local ? localStorageBackend(local) : memoryBackend();
}
