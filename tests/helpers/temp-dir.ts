import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A fresh folder removed after the test file; archived copies are read-only, so force it. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `station-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
