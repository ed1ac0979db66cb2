import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Two projects: the engine, model, worker door and CLI run in plain node; components and the
// store run under jsdom.
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
          include: [
            'tests/{engine,model,worker,cli,fuzz,build}/**/*.test.ts',
            'tests/analysis/**/*.test.ts',
            'tests/presets/**/*.test.ts',
          ],
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
