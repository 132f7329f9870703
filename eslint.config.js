// Lint, and the layer rule of DESIGN.md: contract ← core ← hosts; the renderer sees contract types only.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'stream', 'worker_threads'];
const builtinPatterns = [...nodeBuiltins, ...nodeBuiltins.map((name) => `node:${name}`), 'node:*'];

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
  {
    files: ['src-main/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'core is plain Node: no electron' }],
          patterns: [{ group: ['**/hosts/**', '**/src-renderer/**'], message: 'core never imports a host or the renderer' }],
        },
      ],
    },
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
