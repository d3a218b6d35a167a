import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const clockBan = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'The analyzer is clock-free: take the time as an input (request.sentAt).',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'The analyzer is clock-free: `new Date()` reads the clock; pass the time in.',
  },
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
    message: 'The analyzer is deterministic: no Math.random().',
  },
  {
    selector: "MemberExpression[object.name='performance'][property.name='now']",
    message: 'The analyzer is clock-free: no performance.now().',
  },
];

/** Any analyzer module but its index (`../analyzer/index.js`). */
const analyzerFace = {
  regex: '(^|/)analyzer/(?!index\\.js$)',
  message: 'Import the analyzer through its face, src/analyzer/index.ts.',
};
/** The HAR wing's Node file I/O: the CLI's alone. */
const harNode = {
  regex: '(^|/)har/node/',
  message:
    'src/har/node/ is Node file I/O for the CLI and the npm library; the extension reads HARs from chunks.',
};

export default tseslint.config(
  {
    ignores: ['node_modules', 'dist', 'test-results', 'playwright-report', '.tmp', 'bench/out'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/analyzer/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-syntax': ['error', ...clockBan],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'chrome',
        'browser',
        'performance',
        'process',
      ],
      'no-console': 'error',
    },
  },
  {
    // The analyzer has one face (src/analyzer/index.ts): shells never reach behind it.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/analyzer/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [analyzerFace] }],
    },
  },
  {
    // Only the Node shells (the CLI, the npm library, har/node itself) may touch the Node side
    // of the HAR wing.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/analyzer/**', 'src/cli/**', 'src/lib/**', 'src/node/**', 'src/har/node/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [analyzerFace, harNode] }],
    },
  },
  {
    // src/shared/ is contracts between contexts; two modules of it may touch the browser.
    files: ['src/shared/**/*.{ts,tsx}'],
    ignores: ['src/shared/areas.ts', 'src/shared/client.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [analyzerFace, harNode],
          paths: [
            {
              name: 'webextension-polyfill',
              message: 'In src/shared/ only areas.ts and client.ts touch the browser.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/background/**/*.ts', 'src/panel/**/*.{ts,tsx}', 'src/popup/**/*.{ts,tsx}'],
    rules: {
      // Tokens must never reach the console (SPEC §7).
      'no-console': 'error',
    },
  },
);
