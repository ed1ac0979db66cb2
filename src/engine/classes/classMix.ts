/**
 * A client's class mix: which class each new request is (by share), and the class's own key
 * space and write mix, where it has them. Drawn from the client's attribute stream, so arrivals
 * stay the same whatever the mix.
 */
import type { ClientParams } from '../../model/types.ts';

type RequestClass = NonNullable<ClientParams['classes']>[number];
import type { Call } from '../call.ts';
import type { Kernel } from '../kernel.ts';
import type { Rng } from '../rng.ts';
import { ZipfKeys } from '../zipf.ts';
import { DEFAULT_CLASS } from '../../model/kinds/classes.ts';

export class ClassMix {
  /** The client's classes as class-table indices, in its own order. */
  readonly slots: number[];
  private readonly cumShare: Float64Array;
  /** Per slot: its own keys (null: the client's). */
  private readonly keys: Array<ZipfKeys | null>;
  /** Per slot: its write ratio. */
  private readonly writeRatio: Float64Array;

  constructor(k: Kernel, p: ClientParams, rng: Rng) {
    const classes: RequestClass[] = p.classes ?? [{ name: DEFAULT_CLASS, share: 1, priority: 0 }];
    this.slots = classes.map((c) => k.classes.indexOf(c.name));
    let acc = 0;
    this.cumShare = Float64Array.from(classes, (c) => (acc += c.share));
    this.keys = classes.map((c) =>
      c.keys !== undefined && k.needKeys ? new ZipfKeys(c.keys.count, c.keys.zipf, rng) : null,
    );
    this.writeRatio = Float64Array.from(classes, (c) => c.writeRatio ?? p.writeRatio);
  }

  /** Give `root` a class; returns its slot (for its keys and write mix). */
  assign(root: Call, rng: Rng): number {
    const cum = this.cumShare;
    const n = cum.length;
    let slot = 0;
    if (n > 1) {
      const u = rng.next() * cum[n - 1]!;
      while (slot < n - 1 && u >= cum[slot]!) slot++;
    }
    root.cls = this.slots[slot]!;
    return slot;
  }

  keysOf(slot: number): ZipfKeys | null {
    return this.keys[slot]!;
  }

  writeRatioOf(slot: number): number {
    return this.writeRatio[slot]!;
  }
}
