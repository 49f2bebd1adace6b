// Lint enforces the layers you can see in the tree (see each folder's README):
//   src/core      pure TypeScript: no Node, no Electron, no DOM, no other layer
//   src/main      plain Node services; only the shell (src/main/index.ts) may import electron
//   src/preload   electron's contextBridge/ipcRenderer and src/core only
//   src/renderer  React and src/core only: no Node, no electron, no src/main
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads', 'zlib'];
const NATIVE_OR_IO = ['better-sqlite3', 'exceljs'];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...restrict([...NODE_BUILTINS, ...NATIVE_OR_IO, 'electron', 'react', 'react-dom', '**/main/**', '**/renderer/**', '**/preload/**'],
        'src/core is pure TypeScript: no Node, Electron, DOM, I/O libraries or other layers.'),
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts'],
    rules: restrict(['electron', '**/renderer/**', '**/preload/**'],
      'Only the Electron shell (src/main/index.ts) may import electron; services are plain Node.'),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict([...NODE_BUILTINS, ...NATIVE_OR_IO, '**/main/**', '**/renderer/**'],
      'The sandboxed preload may use electron and src/core only.'),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([...NODE_BUILTINS, ...NATIVE_OR_IO, 'electron', '**/main/**', '**/preload/**'],
        'The renderer knows only the API client and src/core: no Node, Electron or main-process code.'),
    },
  },
);
