// Lint, and the layer rule of DESIGN.md: contract ← core ← hosts; the renderer sees contract types only.
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'stream', 'worker_threads'];
const builtinPatterns = [...nodeBuiltins, ...nodeBuiltins.map((name) => `node:${name}`), 'node:*'];

/** What core may import: no electron, no host, no renderer; another core folder only by its public module. */
const coreImports = (otherFolderInternals) => ({
  paths: [{ name: 'electron', message: 'core is plain Node: no electron' }],
  patterns: [
    { group: ['**/hosts/**', '**/src-renderer/**'], message: 'core never imports a host or the renderer' },
    { regex: otherFolderInternals, message: "import another core folder through its public module (its index.js), never its files" },
  ],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-main/contract/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!zod$|\\./).*', message: 'contract imports zod and itself only' }] },
      ],
    },
  },
  // Inside core, a capability folder is reached only through its public module (its index.ts), as
  // VS Code's import patterns keep its layers; the files beside station.ts are the shared kernel.
  {
    files: ['src-main/core/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', coreImports('^\\./[a-z-]+/(?!index\\.js$).+$')] },
  },
  {
    files: ['src-main/core/*/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', coreImports('^\\.\\./[a-z-]+/(?!index\\.js$).+$')] },
  },
  // A transaction that reads before it writes, begun deferred, is refused at once ("database is
  // locked") while another station process writes: SQLite does not wait to upgrade a read to a
  // write. Every transaction begins with the write lock, through core/db's writeTransaction.
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/core/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='transaction']", message: "use writeTransaction(db, fn) from core/db: it takes the write lock first, and waits for it" },
      ],
    },
  },
  // No import cycle inside core: a cycle would make "who owns what" undecidable.
  {
    files: ['src-main/core/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // The plugin reads only .js files unless told; our sources are .ts, imported by their .js names.
      'import-x/extensions': ['.ts'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.main.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'the renderer talks only to the api object' }],
          patterns: [
            { group: builtinPatterns, message: 'the renderer never uses Node' },
            { group: ['**/src-main/core/**', '**/src-main/hosts/**'], message: 'the renderer sees contract types only' },
            {
              group: ['**/src-main/contract/**', '**/src-main/contract'],
              allowTypeImports: true,
              message: 'import contract TYPES only (import type …)',
            },
          ],
        },
      ],
    },
  },
);
