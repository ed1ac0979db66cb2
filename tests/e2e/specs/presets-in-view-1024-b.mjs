// Every node of every preset in view at 1024×768 with the lesson open, half b of the presets
// (see ../presetsInView.mjs).
import { checkPresetsInView } from '../presetsInView.mjs';

export default async function (ctx) {
  await checkPresetsInView(ctx, [1024, 768], 1);
}
