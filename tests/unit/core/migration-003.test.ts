import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/core/db/database.js';
import { migrations } from '../../../src-main/core/db/migrations/index.js';
import { defaultSettings, readSettings, writeSettings } from '../../../src-main/core/settings/settings-store.js';
import { tempDir } from '../../helpers/temp-dir.js';

const upTo003 = migrations.slice(0, 3);

describe('migration 003: clock drift, findings and settings', () => {
  const dir = tempDir('migrate-003');

  it('upgrades a database holding an ingest and a file, which keep their rows with no drift measured', () => {
    const file = join(dir, 'upgrade.db');
    const old = openDatabase(file, migrations.slice(0, 2));
    old
      .prepare(`INSERT INTO ingests (id, source_path, archive_dir, operator, station_name, owner_pid, state, started_at)
                VALUES ('before-003', '/media/card', 'archive/before-003', 'clerk', 'desk-1', 1, 'completed', 1700000000000)`)
      .run();
    old
      .prepare(`INSERT INTO ingest_files (ingest_id, source_path, size, status, at) VALUES ('before-003', 'DCIM/a.MP4', 1, 'skipped', 1)`)
      .run();
    old.close();

    const db = openDatabase(file, upTo003);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.prepare('SELECT mountpoint, plugged_in_at, drift_seconds, drift_basis, drift_exceeds, drift_evidence FROM ingests').get()).toEqual({
      mountpoint: null,
      plugged_in_at: null,
      drift_seconds: null,
      drift_basis: null,
      drift_exceeds: 0,
      drift_evidence: null,
    });
    expect(db.prepare('SELECT device_time, corrected_time FROM ingest_files').get()).toEqual({ device_time: null, corrected_time: null });
    db.close();
  });

  it('accepts only the known drift bases and finding kinds, and ties findings to an ingest', () => {
    const db = openDatabase(join(dir, 'checks.db'), upTo003);
    db.prepare(`INSERT INTO ingests (id, source_path, archive_dir, operator, station_name, owner_pid, state, started_at)
                VALUES ('i', '/s', 'archive/i', 'c', 'd', 1, 'completed', 1)`).run();
    expect(() => db.prepare(`UPDATE ingests SET drift_basis = 'guess' WHERE id = 'i'`).run()).toThrow(/CHECK/);
    db.prepare(`UPDATE ingests SET drift_basis = 'gps', drift_seconds = 12.5 WHERE id = 'i'`).run();
    const addFinding = db.prepare('INSERT INTO ingest_findings (ingest_id, kind, details_json) VALUES (?, ?, ?)');
    expect(() => addFinding.run('i', 'rumour', '{}')).toThrow(/CHECK/);
    expect(() => addFinding.run('nowhere', 'sequence-gap', '{}')).toThrow(/FOREIGN KEY/);
    addFinding.run('i', 'sequence-gap', '{"missing":[3,4]}');
    expect(db.prepare('SELECT COUNT(*) AS n FROM ingest_findings').get()).toEqual({ n: 1 });
    db.close();
  });

  it('keeps settings as one JSON value per key, over defaults', () => {
    const db = openDatabase(join(dir, 'settings.db'), upTo003);
    expect(readSettings(db)).toEqual(defaultSettings);
    writeSettings(db, { autoIngest: true, namePatterns: ['^(?<serial>\\w{7})_(?<datetime>\\d{14})'] });
    writeSettings(db, { driftToleranceSeconds: 45 });
    expect(readSettings(db)).toMatchObject({ autoIngest: true, driftToleranceSeconds: 45, recordingGapSeconds: 60 });
    expect(readSettings(db).namePatterns).toHaveLength(1);
    db.close();
  });
});
