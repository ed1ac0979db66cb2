/**
 * Retry token buckets (`retry.tokenBucket`, `retry.tokenRatio`), one per edge: the bucket starts
 * full at `tokenBucket` tokens; a retry may go only while a whole token is left and spends it;
 * each successful call over the edge puts `tokenRatio` back, up to the size. This is the shape of
 * the AWS SDK's retry quota and gRPC's retry throttling: when most calls fail, successes stop
 * paying for retries and the retries stop, so a retry storm cannot multiply an outage's load.
 * Over any run, retries ≤ tokenBucket + tokenRatio × successes (the bound the tests check).
 */
import type { RetryPolicy } from '../../model/types.ts';

export const DEFAULT_TOKEN_RATIO = 0.1;

export class RetryTokens {
  /** Bucket size per edge; 0 = no bucket. */
  private readonly size: Float64Array;
  private readonly ratio: Float64Array;
  private readonly tokens: Float64Array;

  constructor(policies: ReadonlyArray<RetryPolicy | undefined>) {
    this.size = Float64Array.from(policies, (p) => p?.tokenBucket ?? 0);
    this.ratio = Float64Array.from(policies, (p) => p?.tokenRatio ?? DEFAULT_TOKEN_RATIO);
    this.tokens = Float64Array.from(this.size);
  }

  /** A live change of edge i's policy: a new or resized bucket starts full. */
  set(i: number, p: RetryPolicy | undefined): void {
    const size = p?.tokenBucket ?? 0;
    if (size !== this.size[i]) this.tokens[i] = size;
    this.size[i] = size;
    this.ratio[i] = p?.tokenRatio ?? DEFAULT_TOKEN_RATIO;
  }

  has(i: number): boolean {
    return this.size[i]! > 0;
  }

  /** A successful call over edge i earns back its share of a token. */
  success(i: number): void {
    const t = this.tokens[i]! + this.ratio[i]!;
    const size = this.size[i]!;
    this.tokens[i] = t < size ? t : size;
  }

  /** Is a whole token left for a retry over edge i? */
  available(i: number): boolean {
    // A hair below 1 counts as 1: ten successes at 0.1 sum to 0.9999999999999999.
    return this.tokens[i]! > 1 - 1e-9;
  }

  /** A retry over edge i goes: it spends its token (after `available` said yes). */
  spend(i: number): void {
    this.tokens[i] = Math.max(0, this.tokens[i]! - 1);
  }
}
