/**
 * What a chart draw worked out from each row of the metrics buffer, kept while the row is held.
 * At Max speed a draw came every quarter second and read every row again (900 rows of 100 nodes:
 * the "others" line's mean over 95 nodes, the heatmap's bands over all of them), though most rows
 * were the same as at the last draw: 20–30 ms a draw on 200 nodes, the page's longest tasks. Now
 * only the rows that arrived since are read; the buckets the charts draw are still formed from
 * every row, so what is drawn is the same as before, to the bit.
 *
 * A row is known by the array that holds it (a new run's buffer has new arrays, so nothing of
 * the last run is taken for this one) and its end time, unique among the rows of one array:
 * fine rows are single windows, coarse rows cover disjoint ranges. A window's start and length
 * are checked too: a coarse row that a merge widened ends later and covers more.
 */
export class RowMemo<T> {
  private held = new Map<Float64Array, Map<number, Entry<T>>>();
  private signature: string | undefined;
  /** The pass under way: an entry not visited in it is let go at its end. */
  private pass = 0;

  /**
   * Starts a pass over the buffer's rows. `signature` says what is worked out from a row (which
   * columns, for which nodes): under a new one, nothing held is reused.
   */
  begin(signature: string): void {
    if (signature !== this.signature) this.held = new Map();
    this.signature = signature;
    this.pass += 1;
  }

  /** The value for the row at `data[at…]`: the one held, else `make()`'s, kept for the next pass. */
  get(data: Float64Array, at: number, make: () => T): T {
    let rows = this.held.get(data);
    if (rows === undefined) {
      rows = new Map();
      this.held.set(data, rows);
    }
    let entry = heldEntry(rows, data, at);
    if (entry === undefined) {
      entry = { startS: data[at + 1] ?? NaN, lengthS: data[at + 2] ?? NaN, value: make(), pass: 0 };
      rows.set(data[at] ?? NaN, entry);
    }
    entry.pass = this.pass;
    return entry.value;
  }

  /**
   * Works out the value of each row `rows` visits that is not held yet, until `now()` passes
   * `deadline` (a frame's share: rowFigures.ts); true when some are left. What it keeps is what
   * `get` would have made, so the pass after it reads the same values, only sooner.
   */
  fill(
    rows: (visit: (data: Float64Array, at: number) => void) => void,
    make: (data: Float64Array, at: number) => T,
    deadline: number,
    now: () => number,
  ): boolean {
    let left = false;
    rows((data, at) => {
      if (left) return;
      const held = this.held.get(data);
      if (held !== undefined && heldEntry(held, data, at) !== undefined) return;
      if (now() >= deadline) left = true;
      else this.get(data, at, () => make(data, at));
    });
    return left;
  }

  /** Ends the pass: rows not visited in it (merged, or gone from the buffer) are let go. */
  end(): void {
    for (const [data, rows] of this.held) {
      for (const [endS, entry] of rows) if (entry.pass !== this.pass) rows.delete(endS);
      if (rows.size === 0) this.held.delete(data);
    }
  }
}

/** The entry held for the row at `data[at…]`, if it is that row's (rows of one array, by end). */
function heldEntry<T>(
  rows: Map<number, Entry<T>>,
  data: Float64Array,
  at: number,
): Entry<T> | undefined {
  const entry = rows.get(data[at] ?? NaN);
  return entry !== undefined &&
    entry.startS === (data[at + 1] ?? NaN) &&
    entry.lengthS === (data[at + 2] ?? NaN)
    ? entry
    : undefined;
}

interface Entry<T> {
  startS: number;
  lengthS: number;
  value: T;
  pass: number;
}
