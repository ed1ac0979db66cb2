/** How the Analyze drawer's recharts charts draw their axes and lines: one look for all. */
export const axis = { fontSize: 11, fill: '#566173' };
/** Points marked, no animation (a sweep's result appears at once), straight segments. */
export const line = { dot: { r: 2 }, isAnimationActive: false, type: 'linear' as const };
