import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IngestReport } from '../../../src-main/contract/index.js';
import { makeFile } from '../../helpers/make-media.js';
import { cliEntry } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** `station ingest` as typed in a shell standing in `cwd`, with `home` as the home folder. */
function ingestAsTyped(typed: string, { cwd, home, data }: { cwd: string; home: string; data: string }): IngestReport {
  const run = spawnSync(process.execPath, [cliEntry, '--data', data, 'ingest', typed, '--json'], { cwd, encoding: 'utf8', env: { ...process.env, HOME: home } });
  if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stdout}\n${run.stderr}`);
  return JSON.parse(run.stdout) as IngestReport;
}

describe('station ingest with a path as typed', () => {
  it('takes a relative path from the shell’s folder, a quoted one as the path itself, and ~/ as the home folder', () => {
    const root = tempDir('typed-paths');
    for (const [index, card] of ['cards/one', 'cards/two', 'home/three'].entries()) makeFile(join(root, card, 'DCIM/clip.MP4'), 1024, index + 1);
    const where = { cwd: join(root, 'cards'), home: join(root, 'home'), data: join(root, 'data') };
    expect(ingestAsTyped('one', where).source).toBe(join(root, 'cards/one'));
    expect(ingestAsTyped(`"${join(root, 'cards/two')}"`, where).source).toBe(join(root, 'cards/two'));
    expect(ingestAsTyped('~/three', where).source).toBe(join(root, 'home/three'));
  });
});
