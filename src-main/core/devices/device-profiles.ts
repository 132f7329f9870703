import { posix } from 'node:path';
import type { Database } from '../db/index.js';
import { StationError } from '../errors.js';

/** Where a model keeps a file that names its serial, and how to read the serial out of it. */
export interface DeviceProfile {
  id: number;
  /** The model it applies to; null for any device. */
  model: string | null;
  /** Relative to the top of the device's storage, with forward slashes. */
  identityFile: string;
  /** A regular expression; its first group (or whole match) is the serial. Null: the first non-empty line. */
  serialPattern: string | null;
}

interface ProfileRow {
  id: number;
  model: string | null;
  identity_file: string;
  serial_pattern: string | null;
}

const toProfile = (row: ProfileRow): DeviceProfile => ({
  id: row.id,
  model: row.model,
  identityFile: row.identity_file,
  serialPattern: row.serial_pattern,
});

/** Model-specific profiles first: a model's own file says more than a generic guess. */
export function listProfiles(db: Database): DeviceProfile[] {
  const rows = db.prepare('SELECT * FROM device_profiles ORDER BY model IS NULL, model, id').all() as ProfileRow[];
  return rows.map(toProfile);
}

export function addProfile(db: Database, profile: Omit<DeviceProfile, 'id'>, now = Date.now()): DeviceProfile {
  const identityFile = posix.normalize(profile.identityFile.trim().replaceAll('\\', '/'));
  if (identityFile === '.' || identityFile.startsWith('/') || identityFile.split('/').includes('..')) {
    throw new StationError('invalid-input', `an identity file is a path inside the device, not "${profile.identityFile}"`);
  }
  if (profile.serialPattern !== null) {
    try {
      new RegExp(profile.serialPattern);
    } catch (error) {
      throw new StationError('invalid-input', `the serial pattern is not a regular expression: ${(error as Error).message}`);
    }
  }
  const model = profile.model?.trim() || null;
  const row = db
    .prepare('INSERT INTO device_profiles (model, identity_file, serial_pattern, created_at) VALUES (?, ?, ?, ?) RETURNING *')
    .get(model, identityFile, profile.serialPattern, now) as ProfileRow;
  return toProfile(row);
}
