/**
 * Writes committed on a primary that wait for replica acknowledgements (replicationMode
 * semiSync, sync, quorum): a slot per write in typed arrays with a free list, so a waiting
 * write allocates nothing. Each shipped stream entry names its write's slot; an apply counts
 * one ack, and the write is answered when it has the acks it needs. The slot is freed only when
 * every stream carrying it has applied it: freed at the answer, a later write could take the
 * slot and count the slower streams' acks as its own (semiSync then measured 17.5 ms for an
 * exact 22.5).
 */
export class PendingWrites {
  callId = new Int32Array(16);
  gen = new Int32Array(16);
  need = new Int32Array(16);
  key = new Int32Array(16);
  commitT = new Float64Array(16);
  /** Streams still carrying the write: the slot is free once all have applied it. */
  carriers = new Int32Array(16);
  private free: number[] = [];
  private size = 0;

  add(id: number, gen: number, need: number, key: number, t: number): number {
    let s = this.free.pop();
    if (s === undefined) {
      if (this.size === this.callId.length) this.grow();
      s = this.size++;
    }
    this.callId[s] = id;
    this.gen[s] = gen;
    this.need[s] = need;
    this.key[s] = key;
    this.commitT[s] = t;
    this.carriers[s] = 0;
    return s;
  }

  /** One more stream carries slot `s`'s write. */
  carry(s: number): void {
    this.carriers[s]!++;
  }

  /** One ack for slot `s`; true when it was the last one needed, the moment to answer. */
  ack(s: number): boolean {
    if (--this.carriers[s]! === 0) this.free.push(s);
    return --this.need[s]! === 0;
  }

  private grow(): void {
    const n = this.callId.length * 2;
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.callId = grow32(this.callId);
    this.gen = grow32(this.gen);
    this.need = grow32(this.need);
    this.key = grow32(this.key);
    this.carriers = grow32(this.carriers);
    const t = new Float64Array(n);
    t.set(this.commitT);
    this.commitT = t;
  }
}
