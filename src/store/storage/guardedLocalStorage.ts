/**
 * localStorage for small settings kept by zustand `persist` (the analysis drawer's variant B):
 * a refused store (storage blocked) falls back to memory, and a refused write (quota) is reported
 * instead of thrown, so it can never break the action that caused it.
 */
import type { StateStorage } from 'zustand/middleware';
import { pageLocalStorage } from './backends.ts';

export function guardedLocalStorage(onRefused: (error: unknown) => void): StateStorage {
  const local = pageLocalStorage();
  const memory = new Map<string, string>();
  return {
    getItem: (key) => {
      try {
        return local ? local.getItem(key) : (memory.get(key) ?? null);
      } catch {
        return memory.get(key) ?? null;
      }
    },
    setItem: (key, value) => {
      memory.set(key, value);
      try {
        local?.setItem(key, value);
      } catch (e) {
        onRefused(e);
      }
    },
    removeItem: (key) => {
      memory.delete(key);
      try {
        local?.removeItem(key);
      } catch {
        // Nothing to undo: the value simply stays.
      }
    },
  };
}
