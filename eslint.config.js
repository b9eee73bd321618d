// ESLint 10 flat config: @eslint/js + typescript-eslint recommended for the whole repository
// (src, server, test, bench, scripts and the root config files). Type-aware rules are not
// enabled: `tsc --noEmit` (npm run typecheck) already type-checks everything.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'coverage/', '.data/', 'bench/out/', 'test-results/']),
  {
    files: ['**/*.{js,mjs,cjs,ts}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names are deliberate placeholders (unused parameters, destructuring rests)
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
  {
    // browser code: the library and the browser tests
    files: ['src/**/*.ts', 'test/browser/**/*.ts', 'demo/**/*.{js,ts}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Node code: server, node tests, helpers, tooling, config files
    files: ['server/**/*.ts', 'test/node/**/*.ts', 'test/helpers/**/*.ts', 'test/wtr/**/*.mjs', 'bench/**/*.mjs', 'scripts/**/*.mjs', '*.{js,mjs,cjs}', 'demo/*/vite.config.ts', 'demo/shared/*.{ts,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests poke at the wire format: test/helpers/http.ts's `call<T = any>()` returns parsed JSON
    // bodies that the tests then assert on field by field. `any` stays an error in src/ and server/.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // mocha globals (describe/it/before) in browser tests
    files: ['test/browser/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
  },
);
