import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/core/db/database.js';
import { asOfficeUser } from '../../helpers/office-user.js';
import { cliEntry, runCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('a source with nothing to import', () => {
  const root = tempDir('nothing');
  const ingestCount = (data: string) => {
    const db = openDatabase(join(data, 'station.db'));
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM ingests').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  it.each([
    ['an empty folder', () => {}],
    ['a folder of empty folders and system files only', (card: string) => {
      mkdirSync(join(card, 'DCIM', '100MEDIA'), { recursive: true });
      mkdirSync(join(card, 'System Volume Information'));
      writeFileSync(join(card, 'System Volume Information', 'IndexerVolumeGuid'), 'x');
      writeFileSync(join(card, '.DS_Store'), 'x');
    }],
  ])('is refused, as %s, with no ingest record and no bag', (what, fill) => {
    const card = join(root, what.replaceAll(' ', '-'));
    const data = join(root, `data-${what.replaceAll(' ', '-')}`);
    mkdirSync(card, { recursive: true });
    fill(card);
    const run = runCli(data, ['ingest', card, '--json']);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'source-empty', message: expect.stringContaining('nothing to import') } });
    expect(ingestCount(data)).toBe(0);
    expect(readdirSync(join(data, 'archive'))).toEqual([]);
  });

  it('is refused as unreadable, with no ingest record and no bag, when the folder itself may not be read (EACCES)', () => {
    const card = join(root, 'locked');
    const data = join(root, 'data-locked');
    mkdirSync(join(card, 'DCIM'), { recursive: true });
    writeFileSync(join(card, 'DCIM', 'CLIP0001.MP4'), 'x');
    chmodSync(card, 0o000);
    try {
      const [command, ...args] = asOfficeUser([process.execPath, cliEntry, '--data', data, 'ingest', card, '--json']);
      const run = spawnSync(command, args, { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(2);
      expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'source-unreadable', message: expect.stringContaining('EACCES') } });
      expect(ingestCount(data)).toBe(0);
      expect(readdirSync(join(data, 'archive'))).toEqual([]);
    } finally {
      chmodSync(card, 0o755);
    }
  });
});
