// ESLint for all of Hearth's code (`npm run lint`, run by .ci/run with --max-warnings=0): the recommended
// JavaScript and typescript-eslint rules, React's hook rules, Next's core-web-vitals rules, and the layer
// rules that keep dependencies pointing down (app → components → lib → db; the jest test
// tests/unit/architecture/dependencies-point-down.test.ts checks the same from the other side).
// Formatting is Prettier's job (.prettierrc.json), so no stylistic rules here.
import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['.next/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'data/**', 'db/migrations/**', 'next-env.d.ts', 'bench/results/**'],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  // The two classic hook rules. The React Compiler's rules (set-state-in-effect, refs, purity…) are for code
  // the compiler rewrites; Hearth does not use it.
  {
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    rules: {
      // A leading underscore names what is deliberately left unused (a rest sibling dropped from a copy,
      // the unused arguments of a stand-in action in a test).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    plugins: { '@next/next': nextPlugin },
    rules: { ...nextPlugin.configs.recommended.rules, ...nextPlugin.configs['core-web-vitals'].rules },
  },
  // Promises used as values: the query layer is turning async (issue 18), and a query result forgotten without
  // `await` is a Promise, always truthy. These rules need the type checker (about 40 s more here).
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // Conditionals and spreads only: an async click handler or timer callback is fine where nothing awaits it.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
  // Code that runs in Node: the server, scripts, benchmarks, configs and test helpers.
  {
    files: ['**/*.{js,mjs,cjs,ts}'],
    ignores: ['app/**', 'components/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  // The production server and the CommonJS configs and test launchers are plain `require` code.
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      // A CommonJS module's top level is its own scope: `const crypto = require('node:crypto')` hides no global.
      'no-redeclare': ['error', { builtinGlobals: false }],
    },
  },
  {
    files: ['tests/**'],
    languageOptions: { globals: { ...globals.jest, ...globals.node, ...globals.browser } },
  },
  // Dependencies point down.
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/lib', '@/lib/*', '@/components', '@/components/*', '@/app', '@/app/*', '../lib/*', '../../lib/*', '../components/*', '../../components/*', '../app/*', '../../app/*'],
              message: 'db/ imports nothing from lib/, components/ or app/ (dependencies point down).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/components', '@/components/*', '@/app', '@/app/*', '../components/*', '../../components/*', '../../../components/*', '../app/*', '../../app/*', '../../../app/*'],
              message: 'lib/ imports nothing from components/ or app/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**/*.ts', 'components/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/app', '@/app/*', '../app/*', '../../app/*', '../../../app/*'],
              message: 'components/ import nothing from app/.',
            },
          ],
        },
      ],
    },
  },
);
