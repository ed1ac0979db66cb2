/**
 * Queueing theory for archsim: closed-form and numerical results that sit beside the simulator's
 * measurements, so a learner can see why a queue grows. Pure functions, no engine imports.
 * Rates and times share one time unit chosen by the caller (milliseconds throughout archsim).
 */
export * from './queueing/markov.ts';
export * from './queueing/finite.ts';
export * from './queueing/general.ts';
export * from './queueing/networks.ts';
export * from './queueing/cache.ts';
export * from './queueing/little.ts';
export * from './queueing/gim1.ts';
export * from './queueing/gimc.ts';
