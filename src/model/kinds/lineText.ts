/** Short texts for a node's canvas line: numbers rounded, thousands as `k`, a Dist in a word. */
import type { Dist } from '../types.ts';

export const num = (n: number): string =>
  Math.abs(n) >= 10_000 ? `${Math.round(n / 1000)}k` : String(Math.round(n * 100) / 100);

export function distText(d: Dist): string {
  switch (d.dist) {
    case 'constant':
      return `${num(d.ms)} ms`;
    case 'uniform':
      return `${num(d.minMs)}–${num(d.maxMs)} ms`;
    case 'exponential':
    case 'lognormal':
    case 'erlang':
      return `~${num(d.meanMs)} ms`;
  }
}
