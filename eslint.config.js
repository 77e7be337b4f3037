import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Import boundaries from DESIGN.md, enforced at lint time (src/architecture.test.ts checks the same
// rules from the import graph, so a disabled lint rule cannot hide a violation).
const hostOrUi = (from) => [
  { group: ['electron', 'electron/*'], message: `${from} must stay host-agnostic: only src/main may import electron.` },
  {
    group: [
      '**/main',
      '**/main/**',
      '**/headless',
      '**/headless/**',
      '**/renderer',
      '**/renderer/**',
      '**/preload',
      '**/preload/**',
    ],
    message: `${from} must not import a host or the renderer.`,
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: hostOrUi('src/core') }] },
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...hostOrUi('src/shared'),
            { group: ['**/core', '**/core/**', 'node:*'], message: 'src/shared runs anywhere: no core, no node: modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...hostOrUi('src/renderer').slice(0, 1),
            {
              group: ['**/core', '**/core/**', '**/main/**', '**/headless/**', '**/preload/**', 'node:*'],
              message: 'The renderer imports only src/shared.',
            },
          ],
        },
      ],
    },
  },
);
