/**
 * Little's law, L = lambda·W: in any stable system, the mean number present equals the arrival
 * rate times the mean time spent, whatever the arrival and service distributions. It holds on
 * every node of a simulation, which makes it a check on the measurement itself.
 */

/** Mean number present from a rate (per ms) and a mean time (ms). */
export const littleL = (lambda: number, W: number): number => lambda * W;
/** Mean time spent from the mean number present and the rate. */
export const littleW = (L: number, lambda: number): number => (lambda > 0 ? L / lambda : 0);
