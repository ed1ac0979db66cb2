// The tab stays responsive while a 20×5 fan-out runs at Max (issue #11): frame gaps, and a click
// on Pause answered and taking effect (responsiveness.mjs). Reported with the load average.
import { fanOutDesign } from '../designs.mjs';
import { responsiveAtMax } from '../responsiveness.mjs';

export default (args) => responsiveAtMax(args, '20×5 fan-out', fanOutDesign(20, 5));
