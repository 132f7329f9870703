import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../../src-main/core/db/database.js';
import { migrations } from '../../../src-main/core/db/migrations/index.js';
import { tempDir } from '../../helpers/temp-dir.js';

const upTo002 = migrations.slice(0, 2);

const insertIngest = (db: ReturnType<typeof openDatabase>, id: string) =>
  db
    .prepare(`INSERT INTO ingests (id, source_path, archive_dir, operator, station_name, owner_pid, state, started_at)
              VALUES (?, '/media/card', 'archive/x', 'clerk', 'desk-1', 1, 'completed', 1700000000000)`)
    .run(id);

const insertDevice = (db: ReturnType<typeof openDatabase>, serial: string, extra: Record<string, unknown> = {}) =>
  db
    .prepare(`INSERT INTO devices (type, serial, status, purchase_date, created_at, updated_at)
              VALUES (@type, @serial, @status, @purchase_date, 1, 1)`)
    .run({ type: 'body-camera', serial, status: 'in-service', purchase_date: null, ...extra });

describe('migration 002: devices, remembered identities, device profiles, the device of an ingest', () => {
  const dir = tempDir('migrate-002');

  it('upgrades a database holding ingests, which keep their rows and get no device', () => {
    const file = join(dir, 'upgrade.db');
    const old = openDatabase(file, migrations.slice(0, 1));
    insertIngest(old, 'before-002');
    old.close();

    const db = openDatabase(file, upTo002);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT id, device_id FROM ingests').all()).toEqual([{ id: 'before-002', device_id: null }]);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'device%' ORDER BY name`).all();
    expect(tables).toEqual([{ name: 'device_identities' }, { name: 'device_profiles' }, { name: 'devices' }]);
    db.close();
  });

  it('ties an ingest to a registered device only', () => {
    const db = openDatabase(join(dir, 'fk.db'), upTo002);
    insertIngest(db, 'a');
    const { lastInsertRowid } = insertDevice(db, '1234567');
    db.prepare('UPDATE ingests SET device_id = ? WHERE id = ?').run(lastInsertRowid, 'a');
    expect(() => db.prepare('UPDATE ingests SET device_id = 999 WHERE id = ?').run('a')).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('keeps one device per serial whatever the letter case, and only known types, statuses and real-looking dates', () => {
    const db = openDatabase(join(dir, 'checks.db'), upTo002);
    insertDevice(db, 'AB12345');
    expect(() => insertDevice(db, 'ab12345')).toThrow(/UNIQUE/);
    expect(() => insertDevice(db, '  ')).toThrow(/CHECK/);
    expect(() => insertDevice(db, 'X1', { type: 'drone' })).toThrow(/CHECK/);
    expect(() => insertDevice(db, 'X2', { status: 'lost' })).toThrow(/CHECK/);
    expect(() => insertDevice(db, 'X3', { purchase_date: '26/11/2026' })).toThrow(/CHECK/);
    insertDevice(db, 'X4', { purchase_date: '2026-11-26' });
    db.close();
  });

  it('remembers identities per device, once each, and forgets them with the device', () => {
    const db = openDatabase(join(dir, 'identities.db'), upTo002);
    const deviceId = insertDevice(db, '1234567').lastInsertRowid;
    const remember = db.prepare('INSERT INTO device_identities (device_id, kind, value, remembered_at) VALUES (?, ?, ?, 1)');
    remember.run(deviceId, 'volume-uuid', 'FFCA-F37B');
    expect(() => remember.run(deviceId, 'volume-uuid', 'ffca-f37b')).toThrow(/UNIQUE/);
    expect(() => remember.run(deviceId, 'fingerprint', 'x')).toThrow(/CHECK/);
    expect(() => remember.run(999, 'volume-label', 'DSJ')).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM devices WHERE id = ?').run(deviceId);
    expect(db.prepare('SELECT COUNT(*) AS n FROM device_identities').get()).toEqual({ n: 0 });
    db.close();
  });

  it('ships the generic identity-file profiles as data', () => {
    const db = openDatabase(join(dir, 'profiles.db'), upTo002);
    expect(db.prepare('SELECT model, identity_file, serial_pattern FROM device_profiles ORDER BY id').all()).toEqual([
      { model: null, identity_file: 'DEVICE.TXT', serial_pattern: null },
      { model: null, identity_file: 'SERIAL.TXT', serial_pattern: null },
      { model: null, identity_file: 'MISC/ID.TXT', serial_pattern: null },
    ]);
    db.close();
  });

  it('runs inside the migration transaction: a failure leaves the database at 001', () => {
    const db = openDatabase(join(dir, 'rollback.db'), migrations.slice(0, 1));
    // A table in the way makes 002 fail half-way; none of its work may remain.
    db.exec('CREATE TABLE device_profiles (x INTEGER)');
    expect(() => migrate(db, upTo002)).toThrow(/already exists/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'devices'`).all()).toEqual([]);
    expect(db.prepare(`SELECT name FROM pragma_table_info('ingests') WHERE name = 'device_id'`).all()).toEqual([]);
    db.close();
  });
});
