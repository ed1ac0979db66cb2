// jsdom stand-ins that React Flow needs (see shared/STACK-NOTES.md), and cleanup after each test.
import { afterEach, vi } from 'vitest';
import { cleanup } from '@testing-library/react';

class AsyncResizeObserver {
  private readonly callback: ResizeObserverCallback;
  constructor(callback: ResizeObserverCallback) {
    this.callback = callback;
  }
  observe(target: Element): void {
    // Asynchronous on purpose: a synchronous callback runs before React Flow knows its container.
    setTimeout(() => {
      this.callback(
        [{ target, contentRect: target.getBoundingClientRect() } as ResizeObserverEntry],
        this as unknown as ResizeObserver,
      );
    }, 0);
  }
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver = AsyncResizeObserver as unknown as typeof ResizeObserver;

class DOMMatrixReadOnlyStub {
  m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([0-9.]+)\)/)?.[1];
    this.m22 = scale !== undefined ? Number(scale) : 1;
  }
}
(globalThis as unknown as { DOMMatrixReadOnly: unknown }).DOMMatrixReadOnly = DOMMatrixReadOnlyStub;

Object.defineProperties(globalThis.HTMLElement.prototype, {
  offsetHeight: { get: () => 600, configurable: true },
  offsetWidth: { get: () => 800, configurable: true },
});

afterEach(() => {
  cleanup();
});

// Each file starts as on a fresh page, although the files share one module graph
// (vitest.config.ts): every zustand store back to its first state, no undo history, nothing kept
// in the page's storage. This part of the file runs before each test file.
vi.mock('zustand');
const { resetStores } = (await import('zustand')) as unknown as { resetStores: () => void };
resetStores();
localStorage.clear();
sessionStorage.clear();
