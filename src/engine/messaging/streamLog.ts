/**
 * A stream's partitions as logs: each message has an offset (0, 1, 2… per partition) and is kept
 * until retention removes it (the oldest first, by count and optionally by age). A partition is
 * a ring of typed arrays indexed by offset, grown by doubling up to what retention keeps, so an
 * append allocates nothing once the ring is big enough. Offsets are doubles (exact to 2^53).
 */
import type { Call } from '../call.ts';

const FIRST_CAPACITY = 64;
const COUNTED = 1;
const WRITE = 2;

class Partition {
  appendT = new Float64Array(FIRST_CAPACITY);
  key = new Int32Array(FIRST_CAPACITY);
  source = new Int32Array(FIRST_CAPACITY);
  cls = new Uint8Array(FIRST_CAPACITY);
  flags = new Uint8Array(FIRST_CAPACITY);
  mask = FIRST_CAPACITY - 1;
  /** The oldest retained offset, and the next offset to append. */
  head = 0;
  end = 0;

  grow(): void {
    const n = this.mask + 1;
    const size = n * 2;
    const appendT = new Float64Array(size);
    const key = new Int32Array(size);
    const source = new Int32Array(size);
    const cls = new Uint8Array(size);
    const flags = new Uint8Array(size);
    for (let o = this.head; o < this.end; o++) {
      const from = o % n;
      const to = o % size;
      appendT[to] = this.appendT[from]!;
      key[to] = this.key[from]!;
      source[to] = this.source[from]!;
      cls[to] = this.cls[from]!;
      flags[to] = this.flags[from]!;
    }
    this.appendT = appendT;
    this.key = key;
    this.source = source;
    this.cls = cls;
    this.flags = flags;
    this.mask = size - 1;
  }
}

export class StreamLog {
  private readonly parts: Partition[];

  constructor(
    readonly partitions: number,
    /** Messages kept per partition. */
    public retentionMessages: number,
    /** Messages older than this (s) are removed (Infinity: by count only). */
    public retentionS: number,
  ) {
    this.parts = Array.from({ length: partitions }, () => new Partition());
  }

  head(p: number): number {
    return this.parts[p]!.head;
  }

  end(p: number): number {
    return this.parts[p]!.end;
  }

  /** Messages retained, every partition together. */
  retained(): number {
    let n = 0;
    for (const part of this.parts) n += part.end - part.head;
    return n;
  }

  /** When the message at `offset` of partition p was appended (it must be retained). */
  appendedAt(p: number, offset: number): number {
    const part = this.parts[p]!;
    return part.appendT[offset % (part.mask + 1)]!;
  }

  /** Append `c`'s message to partition p at time `now`: its offset. */
  append(p: number, c: Call, now: number): number {
    const part = this.parts[p]!;
    this.expire(p, now);
    if (part.end - part.head >= this.retentionMessages) part.head++;
    if (part.end - part.head > part.mask) part.grow();
    const i = part.end % (part.mask + 1);
    part.appendT[i] = now;
    part.key[i] = c.key;
    part.source[i] = c.source;
    part.cls[i] = c.cls;
    part.flags[i] = (c.counted ? COUNTED : 0) | (c.write ? WRITE : 0);
    return part.end++;
  }

  /** Drop partition p's messages older than the time retention. */
  expire(p: number, now: number): void {
    const part = this.parts[p]!;
    const oldest = now - this.retentionS;
    const n = part.mask + 1;
    while (part.head < part.end && part.appendT[part.head % n]! < oldest) part.head++;
  }

  /** Fill message call `m` with the message at `offset` of partition p (it must be retained). */
  read(p: number, offset: number, m: Call): void {
    const part = this.parts[p]!;
    const i = offset % (part.mask + 1);
    m.rootT = part.appendT[i]!;
    m.key = part.key[i]!;
    m.source = part.source[i]!;
    m.cls = part.cls[i]!;
    const f = part.flags[i]!;
    m.counted = (f & COUNTED) !== 0;
    m.write = (f & WRITE) !== 0;
  }
}
