// jsdom stand-ins that React Flow needs (see shared/STACK-NOTES.md), and cleanup after each test.
import { afterEach } from 'vitest';
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
