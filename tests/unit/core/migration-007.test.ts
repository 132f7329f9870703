import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/core/db/database.js';
import { migrations } from '../../../src-main/core/db/migrations/index.js';
import * as metadataLocalTime from '../../../src-main/core/db/migrations/007-metadata-local-time.js';
import { getDevice, setMetadataLocalTime } from '../../../src-main/core/devices/device-store.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** Up to 006, the schema 007 follows. */
const upTo006 = migrations.slice(0, 6);

describe('migration 007: a device confirmed to write local time, and the zone an ingest read header times in', () => {
  const dir = tempDir('migrate-007');

  it('upgrades a database at 006 holding a device and an ingest: the device is not confirmed, the ingest has no zone yet', () => {
    const file = join(dir, 'upgrade.db');
    const old = openDatabase(file, upTo006);
    old.prepare(`INSERT INTO devices (type, serial, created_at, updated_at) VALUES ('body-camera', '7654321', 1, 1)`).run();
    old
      .prepare(`INSERT INTO ingests (id, source_path, archive_dir, operator, station_name, owner_pid, state, started_at, device_id)
                VALUES ('before-007', '/media/card', 'archive/before-007', 'clerk', 'desk-1', 1, 'completed', 1700000000000, 1)`)
      .run();
    old.close();

    const db = openDatabase(file, [...upTo006, metadataLocalTime]);
    try {
      expect(db.prepare('SELECT metadata_local_time FROM devices').get()).toEqual({ metadata_local_time: 0 });
      expect(db.prepare('SELECT metadata_zone FROM ingests').get()).toEqual({ metadata_zone: null });
      expect(() => db.prepare('UPDATE devices SET metadata_local_time = 2').run()).toThrow(/CHECK/);
      expect(setMetadataLocalTime(db, 1, true, 5)).toMatchObject({ serial: '7654321', metadataLocalTime: true, updatedAt: 5 });
      expect(getDevice(db, 1)?.metadataLocalTime).toBe(true);
    } finally {
      db.close();
    }
  });
});
