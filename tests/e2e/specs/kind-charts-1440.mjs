// A database, queue, cache, rate limiter and balancer each get their kind's figures charted when
// selected in a running preset, at 1440×900 (see ../kindCharts.mjs).
import { checkKindCharts } from '../kindCharts.mjs';

export default async function (ctx) {
  await checkKindCharts(ctx, [1440, 900]);
}
