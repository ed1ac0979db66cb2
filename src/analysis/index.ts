/** What-if analysis: compare, sweep, replications, and queueing theory beside the measurement. */
export * from './queueing.ts';
export * from './stats.ts';
export * from './flow.ts';
export * from './figures.ts';
export * from './stationTheory.ts';
export * from './theoryCompare.ts';
export * from './cost.ts';
export * from './compare.ts';
export * from './sweep.ts';
export * from './sweepAnalysis.ts';
export * from './replications.ts';
export * from './pool.ts';
export * from './run.ts';
export * from './endToEnd.ts';
export * from './theoryReplicated.ts';
export * from './capacity.ts';
