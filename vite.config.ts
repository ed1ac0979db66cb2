import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { d3WithoutColour } from './scripts/vite/d3WithoutColour.ts';
import { zodWithoutJsonSchema } from './scripts/vite/zodWithoutJsonSchema.ts';

// `base: './'` keeps the built playground working when it is served from a sub-folder
// (an instructor's static host, an iframe embed).
export default defineConfig({
  base: './',
  plugins: [react(), zodWithoutJsonSchema(), d3WithoutColour()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1200 },
});
