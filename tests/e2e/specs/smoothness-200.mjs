// Smoothness of a generated 200-node design at Max speed, still and then panned and zoomed while it
// runs: reported, not gated (see smoothness.mjs for the goal and how the figures are read).
import { gridDesign } from '../designs.mjs';
import { sizeAtMax } from '../frameGaps.mjs';

export default (args) => sizeAtMax(args, 200, gridDesign(200));
