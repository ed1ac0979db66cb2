/**
 * The nearest of some names to a mistyped one (edit distance): "did you mean …?" in messages.
 * Depends on nothing, so any schema may use it.
 */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The candidate closest to `key` (case-insensitive, at most 2 edits), if any. */
export function closest(key: string, candidates: Iterable<string>): string | undefined {
  if (key.length < 3 || key.length > 40) return undefined;
  let best: string | undefined;
  let bestD = 3;
  for (const k of candidates) {
    const d = distance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD && d > 0) {
      best = k;
      bestD = d;
    } else if (d === 0 && k !== key) return k;
  }
  return best;
}
