import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IngestReport, Recording } from '../../src-main/contract/index.js';
import { openDatabase } from '../../src-main/core/db/database.js';
import { migrations } from '../../src-main/core/db/migrations/index.js';
import { openStation } from '../../src-main/core/station.js';
import type { Station } from '../../src-main/core/station-api.js';
import { makeFile } from '../helpers/make-media.js';
import { runCliJson } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const caller = { name: 'test', role: 'admin' } as const;

async function list(station: Station, query: Record<string, unknown>) {
  const result = await station.call('recordings.list', query, caller);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('the officer number and the important mark of a recording', () => {
  const root = tempDir('officer');
  let station: Station | undefined;
  afterAll(() => station?.close());

  it('are kept from the GA/T 947 names, listed by the CLI, searchable and filterable', async () => {
    const card = join(root, 'card');
    makeFile(join(card, 'DCIM/1234567_012345_20261126083015_0001.MP4'), 2048, 1);
    makeFile(join(card, 'DCIM/1234567_012345_20261126084015_0002_IMP.MP4'), 2048, 2);
    makeFile(join(card, 'DCIM/IMP_7654321_A00099_20261126090000_0001.MP4'), 2048, 3);
    makeFile(join(card, 'DCIM/notes.txt'), 100, 4);
    const data = join(root, 'data');
    expect(runCliJson<IngestReport>(data, ['ingest', card]).status).toBe(0);

    const { json: rows } = runCliJson<Recording[]>(data, ['recordings']);
    const byName = Object.fromEntries(rows.map((r) => [r.originalName.slice('DCIM/'.length), { officerNumber: r.officerNumber, important: r.important }]));
    expect(byName).toEqual({
      '1234567_012345_20261126083015_0001.MP4': { officerNumber: '012345', important: false },
      '1234567_012345_20261126084015_0002_IMP.MP4': { officerNumber: '012345', important: true },
      'IMP_7654321_A00099_20261126090000_0001.MP4': { officerNumber: 'A00099', important: true },
      'notes.txt': { officerNumber: null, important: false },
    });
    expect(runCliJson<Recording[]>(data, ['recordings', '--search', 'a00099']).json.map((r) => r.officerNumber)).toEqual(['A00099']);

    station = await openStation({ dataDir: data });
    expect((await list(station, { officer: '012345' })).total).toBe(2);
    const marked = await list(station, { officer: '012345', important: true });
    expect(marked.rows.map((r) => r.originalName)).toEqual(['DCIM/1234567_012345_20261126084015_0002_IMP.MP4']);
  });

  it('are read once for recordings archived before the index kept them', async () => {
    const data = join(root, 'older');
    mkdirSync(data);
    const before = openDatabase(join(data, 'station.db'), migrations.slice(0, 4));
    before.exec(`
      INSERT INTO ingests (id, source_path, archive_dir, operator, station_name, owner_pid, state, started_at)
      VALUES ('old', '/media/card', 'archive/old', 'test', 'desk', 1, 'completed', 0);
      INSERT INTO recordings (sha256, verified_sha256, verification, size, ingest_id, archive_path, original_path, source_mtime, archived_at, kind)
      VALUES ('${'a'.repeat(64)}', '${'a'.repeat(64)}', 'o_direct', 1, 'old', 'archive/old/data/x.MP4', 'DCIM/1234567_654321_20261126083015_0001_IMP.MP4', 0, 0, 'video');
    `);
    before.close();
    const older = await openStation({ dataDir: data });
    try {
      const { rows } = await list(older, {});
      expect(rows.map((r) => ({ officerNumber: r.officerNumber, important: r.important }))).toEqual([{ officerNumber: '654321', important: true }]);
    } finally {
      await older.close();
    }
  });
});
