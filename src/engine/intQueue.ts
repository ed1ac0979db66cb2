/** A growable ring buffer of integers (call ids waiting at a replica), taken from either end. */
export class IntQueue {
  private buf = new Int32Array(16);
  private head = 0;
  length = 0;

  push(v: number): void {
    if (this.length === this.buf.length) this.grow();
    this.buf[(this.head + this.length) & (this.buf.length - 1)] = v;
    this.length++;
  }

  /** The next to be shifted (the line must not be empty). */
  peek(): number {
    return this.buf[this.head]!;
  }

  /** Put `v` at the front (it is the next to be shifted). */
  unshift(v: number): void {
    if (this.length === this.buf.length) this.grow();
    this.head = (this.head - 1) & (this.buf.length - 1);
    this.buf[this.head] = v;
    this.length++;
  }

  shift(): number {
    const v = this.buf[this.head]!;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.length--;
    return v;
  }

  /** The last pushed, removed (last in, first out). */
  pop(): number {
    this.length--;
    return this.buf[(this.head + this.length) & (this.buf.length - 1)]!;
  }

  /** Remove everything, returning it in FIFO order. */
  drain(): number[] {
    const out: number[] = [];
    while (this.length > 0) out.push(this.shift());
    return out;
  }

  private grow(): void {
    const next = new Int32Array(this.buf.length * 2);
    for (let i = 0; i < this.length; i++)
      next[i] = this.buf[(this.head + i) & (this.buf.length - 1)]!;
    this.buf = next;
    this.head = 0;
  }
}
