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
const UI_TESTS = ['tests/{ui,store}/**/*.test.{ts,tsx}'];
/**
 * UI files that cannot share a module graph: one adds a kind to the registries
 * (tests/kinds/toyKind.ts); the others replace modules (`vi.mock`) or import them anew
 * (`vi.resetModules`), and every later file of the graph would get those copies.
 */
const UI_ISOLATED_TESTS = [
  'tests/ui/kindContract.test.tsx',
  'tests/ui/runHistory.test.ts',
  'tests/ui/panelBoundary.test.tsx',
  'tests/ui/panelPrefs.test.tsx',
  'tests/ui/lazyMarkdown.test.tsx',
  // The view's motion (src/ui/canvas/viewMotion.ts) is the page's one clock-driven state: a move
  // left by an earlier file's fake clock would hold this file's figures.
  'tests/ui/canvasLive.test.tsx',
  'tests/ui/viewMotion.test.ts',
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
          include: UI_TESTS,
          exclude: UI_ISOLATED_TESTS,
          setupFiles: ['tests/ui/setup.ts'],
          // As the node tests: a worker's files share one module graph and one jsdom. Each
          // file built a jsdom and imported React, React Flow and the store anew: 138 s of the
          // jsdom files' summed time went to environments and 37 s to imports, where shared
          // they took 1 s and 11 s. What one file leaves behind, the next must not see: spies
          // (a refused Storage.getItem) and stubbed globals are undone after every test.
          isolate: false,
          restoreMocks: true,
          unstubGlobals: true,
        },
      },
      {
        extends: true,
        test: {
          name: 'jsdom-isolated',
          environment: 'jsdom',
          include: UI_ISOLATED_TESTS,
          setupFiles: ['tests/ui/setup.ts'],
        },
      },
    ],
  },
});
