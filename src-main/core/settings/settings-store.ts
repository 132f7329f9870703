import type { Settings } from '../../contract/index.js';
import { prepared, writeTransaction, type Database } from '../db/index.js';

export const defaultSettings: Settings = {
  autoIngest: false,
  anyVolume: false,
  driftToleranceSeconds: 30,
  recordingGapSeconds: 60,
  namePatterns: [],
  idleLockMinutes: 10,
  ingestDeadlineHours: 24,
  bodyCamerasPerOfficer: 1,
  checkInOnPlugIn: false,
  unitName: '',
  discRecheckMonths: 12,
  // Every slot of the largest racks at once: the archive disk gate, not admission, adapts to the hardware.
  maxConcurrentIngests: 16,
};

/** Settings live as one JSON value per key, so a new setting needs no migration. */
export function readSettings(db: Database): Settings {
  const rows = prepared(db, 'SELECT key, value_json FROM settings').all() as { key: string; value_json: string }[];
  const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value_json) as unknown]));
  return { ...defaultSettings, ...stored } as Settings;
}

export function writeSettings(db: Database, change: Partial<Settings>): Settings {
  const upsert = db.prepare(
    'INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json',
  );
  writeTransaction(db, () => {
    for (const [key, value] of Object.entries(change)) if (value !== undefined) upsert.run(key, JSON.stringify(value));
  });
  return readSettings(db);
}
