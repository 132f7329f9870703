import { readFile } from 'node:fs/promises';
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

describe('the public-module rule inside core', () => {
  it('lets a core folder import another only through its index, and its own files freely', async () => {
    const inIngest = 'src-main/core/ingest/x.ts';
    expect(await layerErrors(`import { toAbsolute } from '../archive/layout.js';\nexport const t = toAbsolute;\n`, inIngest)).toHaveLength(1);
    expect(await layerErrors(`import { toAbsolute } from '../archive/index.js';\nexport const t = toAbsolute;\n`, inIngest)).toEqual([]);
    expect(await layerErrors(`import { seenBefore } from './ingest-store.js';\nexport const s = seenBefore;\n`, inIngest)).toEqual([]);
    expect(await layerErrors(`import { migrations } from '../db/migrations/index.js';\nexport const m = migrations;\n`, inIngest)).toHaveLength(1);
    expect(await layerErrors(`import { isWithin } from '../paths.js';\nexport const i = isWithin;\n`, inIngest)).toEqual([]);
  });

  it('holds for the station itself', async () => {
    expect(await layerErrors(`import { IngestJob } from './ingest/ingest-job.js';\nexport const j = IngestJob;\n`, 'src-main/core/station.ts')).toHaveLength(1);
    expect(await layerErrors(`import { ingestModule } from './ingest/index.js';\nexport const m = ingestModule;\n`, 'src-main/core/station.ts')).toEqual([]);
  });
});

describe('the no-cycle rule inside core', () => {
  it('refuses an import that closes a cycle', async () => {
    // The recordings store is reached from ingest (ingest-store → recordings); importing ingest back closes a loop.
    const file = 'src-main/core/recordings/recording-store.ts';
    const code = await readFile(file, 'utf8');
    const [result] = await eslint.lintText(`import '../ingest/index.js';\n${code}`, { filePath: file });
    expect((result?.messages ?? []).filter((m) => m.ruleId === 'import-x/no-cycle')).not.toEqual([]);
    const [clean] = await eslint.lintText(code, { filePath: file });
    expect((clean?.messages ?? []).filter((m) => m.ruleId === 'import-x/no-cycle')).toEqual([]);
  });
});
