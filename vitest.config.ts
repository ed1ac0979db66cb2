import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Two projects: the engine, model, worker door and CLI run in plain node; components and the
// store run under jsdom.
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'tests/{engine,model,worker,cli,fuzz}/**/*.test.ts',
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
