/**
 * Key hashing for shard routing. `mix32` is a 32-bit integer finaliser (the "lowbias32" of
 * Chris Wellons' hash-prospector): every input bit affects every output bit, so consecutive
 * keys spread evenly. `HashRing` is consistent hashing: each shard owns `virtualNodes` points on
 * a 2³² ring, placed by hashing the shard's name and the point's number, and a key belongs to
 * the first point at or after its hash (wrapping round). A shard's points depend only on its own
 * name, so adding a shard takes about 1/(N+1) of the keys and moves no others.
 */

export function mix32(x: number): number {
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x21f0aaad) >>> 0;
  x = (x ^ (x >>> 15)) >>> 0;
  x = Math.imul(x, 0x735a2d97) >>> 0;
  return (x ^ (x >>> 15)) >>> 0;
}

/** FNV-1a over a string: a stable 32-bit number for a shard's name. */
export function nameHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export class HashRing {
  /** Ring points in ascending order, and the shard (position in `names`) owning each. */
  readonly points: Uint32Array;
  readonly owners: Int32Array;

  constructor(names: readonly string[], virtualNodes: number) {
    const v = Math.max(1, Math.floor(virtualNodes));
    const pts: Array<[number, number]> = [];
    names.forEach((name, shard) => {
      const base = nameHash(name);
      for (let i = 0; i < v; i++) pts.push([mix32((base + Math.imul(i, 0x9e3779b9)) >>> 0), shard]);
    });
    pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    this.points = Uint32Array.from(pts, (p) => p[0]);
    this.owners = Int32Array.from(pts, (p) => p[1]);
  }

  /** The shard owning a key: the first point at or after the key's hash (binary search). */
  shardOf(key: number): number {
    const h = mix32(key >>> 0);
    const pts = this.points;
    let lo = 0;
    let hi = pts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pts[mid]! < h) lo = mid + 1;
      else hi = mid;
    }
    return this.owners[lo === pts.length ? 0 : lo]!;
  }
}

/** Mod-N hashing: the shard of a key among n. */
export function modShard(key: number, n: number): number {
  return mix32(key >>> 0) % n;
}

/** Range partitioning: keys 0..keySpace-1 split into n equal contiguous ranges, in order. */
export function rangeShard(key: number, n: number, keySpace: number): number {
  const s = Math.floor((key * n) / keySpace);
  return s < n ? s : n - 1;
}
