/**
 * How the tabs on one saved work tell each other "I saved revision N": a BroadcastChannel, or
 * where that is missing (older Safari) or refused, localStorage's `storage` event, which every
 * other tab of the site receives.
 */
import { pageLocalStorage } from './backends.ts';

const CHANNEL = 'archsim.work';
/** The localStorage key that carries the messages where BroadcastChannel is missing. */
export const SIGNAL_KEY = 'archsim.work.signal';

export interface Channel {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((e: MessageEvent) => void) | null;
}

/**
 * A message is written to localStorage under SIGNAL_KEY, and every other tab of the site gets a
 * `storage` event with it. Each carries a nonce: writing the same value again fires no event.
 */
export function storageChannel(storage: Storage, target: EventTarget = globalThis): Channel {
  const channel: Channel = {
    onmessage: null,
    postMessage(message) {
      try {
        storage.setItem(SIGNAL_KEY, JSON.stringify({ message, nonce: Math.random() }));
      } catch {
        // Storage full or refused: the other tab learns at its next save (it finds a newer rev).
      }
    },
    close: () => target.removeEventListener('storage', onStorage),
  };
  const onStorage = (e: Event) => {
    const { key, newValue } = e as StorageEvent;
    if (key !== SIGNAL_KEY || !newValue) return;
    try {
      const { message } = JSON.parse(newValue) as { message: unknown };
      channel.onmessage?.({ data: message } as MessageEvent);
    } catch {
      // Not ours, or damaged: nothing to tell.
    }
  };
  target.addEventListener('storage', onStorage);
  return channel;
}

export function defaultChannel(): Channel | null {
  try {
    if (typeof BroadcastChannel === 'function') return new BroadcastChannel(CHANNEL);
  } catch {
    // Refused (some sandboxed frames): try localStorage.
  }
  const local = pageLocalStorage();
  return local ? storageChannel(local) : null;
}
