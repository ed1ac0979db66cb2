/**
 * How long the fuzzers run: a short pass in `npm test` (a few seconds in all), a long one with
 * `FUZZ=long npx vitest run tests/fuzz` (fifty times the cases, minutes).
 */
const LONG = process.env.FUZZ === 'long';

/** Number of cases for a property whose short pass runs `short`. */
export const runs = (short: number): number => (LONG ? short * 50 : short);

/** A test's time limit to go with it. */
export const timeoutMs = LONG ? 600_000 : 30_000;
