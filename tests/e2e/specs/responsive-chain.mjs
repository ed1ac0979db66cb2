// The tab stays responsive while a 1,000-node chain runs at Max (issue #11): frame gaps, and a click
// on Pause answered and taking effect (responsiveness.mjs). Reported with the load average.
import { chainDesign } from '../designs.mjs';
import { responsiveAtMax } from '../responsiveness.mjs';

export default (args) => responsiveAtMax(args, '1,000-node chain', chainDesign(1000));
