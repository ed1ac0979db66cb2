import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The engine, model, worker door and CLI run in plain node; components and the store run under
// jsdom.
const NODE_TESTS = [
  'tests/{engine,model,worker,cli,fuzz,build}/**/*.test.ts',
  'tests/analysis/**/*.test.ts',
  'tests/presets/**/*.test.ts',
];
const REGISTERING_TESTS = [
  'tests/model/kindDocsToy.test.ts',
  'tests/engine/overload/discipline.test.ts',
];

export default defineConfig({
  plugins: [react()],
  test: {
    // A ceiling against a hung test, not a speed check: engine tests that take 1-2 s on an idle
    // machine took 5-10 s while the 2 cores were shared at a load average of 15-20, and
    // Vitest's default of 5 s failed them. Speed is measured by `npm run bench`, never here.
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: NODE_TESTS,
          exclude: REGISTERING_TESTS,
          // The files of a worker share one module graph instead of importing the engine and
          // the model anew each (80 s of the node tests' 313 s summed over files went to
          // imports; 17 s shared). Safe while no file changes module state another reads:
          // the ones that do are below.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          // Files that add kinds to the registries at run time (tests/kinds/toyKind.ts,
          // tests/engine/overload/probeKind.ts): every document schema built after them would
          // know their kinds, so they keep a module graph of their own.
          name: 'node-registering',
          environment: 'node',
          include: REGISTERING_TESTS,
        },
      },
      {
        extends: true,
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['tests/{ui,store}/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/ui/setup.ts'],
        },
      },
    ],
  },
});
