import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

/**
 * A fresh folder, removed when the test that made it ends, or, made outside a test, after the test
 * file. Archived copies are read-only, so removal is forced. Hooks defined inside a running test are
 * never run, which is why a test's own folder is tied to the test instead.
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `station-${prefix}-`));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    onTestFinished(remove);
  } catch {
    afterAll(remove);
  }
  return dir;
}
