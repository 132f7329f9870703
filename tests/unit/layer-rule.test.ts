import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

describe('the layer rule of DESIGN.md', () => {
  it('refuses electron and hosts in the core', async () => {
    expect(await layerErrors(`import { app } from 'electron';\nexport const a = app;\n`, 'src-main/core/x.ts')).toHaveLength(1);
    expect(
      await layerErrors(`import { startServer } from '../hosts/server/index.js';\nexport const s = startServer;\n`, 'src-main/core/x.ts'),
    ).toHaveLength(1);
  });

  it('refuses Node and runtime contract imports in the renderer, allows contract types', async () => {
    expect(await layerErrors(`import { readFile } from 'node:fs';\nexport const r = readFile;\n`, 'src-renderer/x.ts')).toHaveLength(1);
    expect(
      await layerErrors(`import { commands } from '../src-main/contract/index.js';\nexport const c = commands;\n`, 'src-renderer/x.ts'),
    ).toHaveLength(1);
    expect(
      await layerErrors(`import type { Recording } from '../src-main/contract/index.js';\nexport type R = Recording;\n`, 'src-renderer/x.ts'),
    ).toEqual([]);
  });

  it('keeps the contract to zod and itself', async () => {
    expect(await layerErrors(`import { z } from 'zod';\nimport { x } from './ingest.js';\nexport const a = [z, x];\n`, 'src-main/contract/x.ts')).toEqual([]);
    expect(await layerErrors(`import { promises } from 'node:fs';\nexport const p = promises;\n`, 'src-main/contract/x.ts')).toHaveLength(1);
  });
});
