import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      // Type-aware rules: each file is checked with the tsconfig.json that includes it.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // A promise is awaited, or its rejection handled, or it is dropped on purpose with `void`.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // `${obj}` printing "[object Object]" is a bug, never a message.
      '@typescript-eslint/no-base-to-string': 'error',
      // A switch over a union names every member: a `default:` does not count, so a new kind
      // (node, edge, fault, distribution) fails lint wherever it would fall silently into one.
      // A switch over an open type (a number, a string) must say what happens to the rest.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        {
          considerDefaultExhaustiveForUnions: false,
          allowDefaultCaseForExhaustiveSwitch: false,
          requireDefaultForNonUnion: true,
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The engine is deterministic for a seed: no wall clock, no ambient randomness, no timers.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'The engine runs on simulated time only.' },
        { name: 'performance', message: 'The engine runs on simulated time only.' },
        { name: 'setTimeout', message: 'The engine schedules events, not timers.' },
        { name: 'setInterval', message: 'The engine schedules events, not timers.' },
        { name: 'window', message: 'The engine has no DOM.' },
        { name: 'document', message: 'The engine has no DOM.' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Use the seeded generator in src/engine/rng.ts.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'react',
            'react-dom',
            '@xyflow/*',
            'zustand',
            '../ui/*',
            '../store/*',
            '../worker/*',
          ],
        },
      ],
    },
  },
);
