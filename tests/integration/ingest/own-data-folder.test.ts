import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IngestReport } from '../../../src-main/contract/index.js';
import { runCli, runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe("the station's own data folder is never evidence", () => {
  const root = tempDir('own-data');

  it('is refused as a source, also when named through a symlink', () => {
    const office = join(root, 'refused');
    const data = join(office, 'data');
    mkdirSync(data, { recursive: true });
    runCli(data, ['recordings']);
    symlinkSync(data, join(office, 'looks-like-a-card'));
    for (const source of [data, join(office, 'looks-like-a-card'), join(office, 'looks-like-a-card', 'archive')]) {
      const run = runCli(data, ['ingest', source]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("inside the station's own data folder");
    }
  });

  it('is skipped inside a source, also when the source is reached through a symlink', () => {
    const office = join(root, 'skipped');
    const data = join(office, 'data');
    mkdirSync(data, { recursive: true });
    writeFileSync(join(office, 'note.txt'), 'a file beside the data folder');
    symlinkSync(office, join(root, 'office-link'));
    const { status, json } = runCliJson<IngestReport>(data, ['ingest', join(root, 'office-link')]);
    expect(status).toBe(0);
    expect(json.files.filter((f) => f.status === 'archived').map((f) => f.source)).toEqual(['note.txt']);
    expect(json.files.find((f) => f.source === 'data')).toMatchObject({ status: 'skipped', reason: expect.stringContaining('own data folder') });
  });
});
