import { writeTransaction, type Database } from '../db/index.js';
import { StationError } from '../errors.js';
import {
  deviceStatuses,
  deviceTypes,
  recognitionBases,
  type Device,
  type DeviceFields,
  type DeviceIdentity,
  type DeviceStatus,
  type DeviceType,
  type RecognitionBasis,
} from './device-types.js';

interface DeviceRow {
  id: number;
  type: DeviceType;
  serial: string;
  model: string | null;
  asset_number: string | null;
  name: string | null;
  purchase_date: string | null;
  status: DeviceStatus;
  metadata_local_time: number;
  created_at: number;
  updated_at: number;
}

interface IdentityRow {
  id: number;
  device_id: number;
  kind: RecognitionBasis;
  value: string;
  remembered_at: number;
}

const toDevice = (row: DeviceRow): Device => ({
  id: row.id,
  type: row.type,
  serial: row.serial,
  model: row.model,
  assetNumber: row.asset_number,
  name: row.name,
  purchaseDate: row.purchase_date,
  status: row.status,
  metadataLocalTime: row.metadata_local_time === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toIdentity = (row: IdentityRow): DeviceIdentity => ({
  id: row.id,
  deviceId: row.device_id,
  kind: row.kind,
  value: row.value,
  rememberedAt: row.remembered_at,
});

const invalid = (message: string) => new StationError('invalid-input', message);

/** Blank optional text is no text: a form's empty field must not become a device named "". */
const optional = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

function checkDate(date: string | null): string | null {
  if (date === null) return null;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    throw invalid(`purchase date must be a real date written YYYY-MM-DD, not "${date}"`);
  }
  return date;
}

/** The columns of a device, checked with messages a person can act on. */
function columns(fields: DeviceFields) {
  const serial = fields.serial.trim();
  if (serial === '') throw invalid('a device needs a serial number');
  if (!deviceTypes.includes(fields.type)) throw invalid(`unknown device type "${fields.type}" (one of ${deviceTypes.join(', ')})`);
  const status = fields.status ?? 'in-service';
  if (!deviceStatuses.includes(status)) throw invalid(`unknown device status "${status}" (one of ${deviceStatuses.join(', ')})`);
  return {
    type: fields.type,
    serial,
    model: optional(fields.model),
    asset_number: optional(fields.assetNumber),
    name: optional(fields.name),
    purchase_date: checkDate(optional(fields.purchaseDate)),
    status,
  };
}

function refuseDuplicateSerial(db: Database, serial: string, exceptId: number | null): void {
  const other = db.prepare('SELECT id FROM devices WHERE serial = ? AND id IS NOT ?').get(serial, exceptId) as { id: number } | undefined;
  if (other) throw new StationError('invalid-input', `a device with serial ${serial} is already registered (device ${other.id})`, 'serial-taken');
}

export function getDevice(db: Database, id: number): Device | null {
  const row = db.prepare('SELECT * FROM devices WHERE id = ?').get(id) as DeviceRow | undefined;
  return row ? toDevice(row) : null;
}

function requireDevice(db: Database, id: number): Device {
  const device = getDevice(db, id);
  if (device === null) throw new StationError('not-found', `no device ${id}`);
  return device;
}

/** Serials compare without regard to letter case: `ab12345` and `AB12345` are one recorder. */
export function findDeviceBySerial(db: Database, serial: string): Device | null {
  const row = db.prepare('SELECT * FROM devices WHERE serial = ?').get(serial.trim()) as DeviceRow | undefined;
  return row ? toDevice(row) : null;
}

export function addDevice(db: Database, fields: DeviceFields, now = Date.now()): Device {
  const row = columns(fields);
  return writeTransaction(db, () => {
    refuseDuplicateSerial(db, row.serial, null);
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO devices (type, serial, model, asset_number, name, purchase_date, status, created_at, updated_at)
         VALUES (@type, @serial, @model, @asset_number, @name, @purchase_date, @status, @now, @now)`,
      )
      .run({ ...row, now });
    return requireDevice(db, Number(lastInsertRowid));
  });
}

export function listDevices(db: Database, filter: { type?: DeviceType; status?: DeviceStatus } = {}): Device[] {
  const rows = db
    .prepare('SELECT * FROM devices WHERE (@type IS NULL OR type = @type) AND (@status IS NULL OR status = @status) ORDER BY serial, id')
    .all({ type: filter.type ?? null, status: filter.status ?? null }) as DeviceRow[];
  return rows.map(toDevice);
}

/** Changes the given fields; a field set to null is cleared, a field left out is kept. */
export function updateDevice(db: Database, id: number, changes: Partial<DeviceFields>, now = Date.now()): Device {
  return writeTransaction(db, () => {
    const current = requireDevice(db, id);
    const row = columns({ ...current, ...changes });
    refuseDuplicateSerial(db, row.serial, id);
    db.prepare(
      `UPDATE devices SET type = @type, serial = @serial, model = @model, asset_number = @asset_number, name = @name,
         purchase_date = @purchase_date, status = @status, updated_at = @now WHERE id = @id`,
    ).run({ ...row, now, id });
    return requireDevice(db, id);
  });
}

/** Remembers that `value` of this kind belongs to the device; remembering it again only renews the time. */
export function rememberIdentity(db: Database, deviceId: number, kind: RecognitionBasis, value: string, now = Date.now()): DeviceIdentity {
  if (!recognitionBases.includes(kind)) throw invalid(`unknown identity kind "${kind}"`);
  const trimmed = value.trim();
  if (trimmed === '') throw invalid(`an empty ${kind} cannot identify a device`);
  return writeTransaction(db, () => {
    requireDevice(db, deviceId);
    const row = db
      .prepare(
        `INSERT INTO device_identities (device_id, kind, value, remembered_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (device_id, kind, value) DO UPDATE SET remembered_at = excluded.remembered_at
         RETURNING *`,
      )
      .get(deviceId, kind, trimmed, now) as IdentityRow;
    return toIdentity(row);
  });
}

export function listIdentities(db: Database, deviceId: number): DeviceIdentity[] {
  const rows = db.prepare('SELECT * FROM device_identities WHERE device_id = ? ORDER BY kind, id').all(deviceId) as IdentityRow[];
  return rows.map(toIdentity);
}

/** Forgets one remembered identity (a wrong match); true if there was one to forget. */
export function forgetIdentity(db: Database, identityId: number): boolean {
  return db.prepare('DELETE FROM device_identities WHERE id = ?').run(identityId).changes > 0;
}

/** Devices a value identifies: remembered as that kind, or, for serials, the registered serial itself. */
export function devicesIdentifiedBy(db: Database, kind: RecognitionBasis, value: string): number[] {
  const serialKinds: readonly RecognitionBasis[] = ['file-name-serial', 'identity-file'];
  const rows = db
    .prepare(
      `SELECT device_id AS id FROM device_identities WHERE kind = @kind AND value = @value
       UNION SELECT id FROM devices WHERE @bySerial AND serial = @value
       ORDER BY id`,
    )
    .all({ kind, value: value.trim(), bySerial: serialKinds.includes(kind) ? 1 : 0 }) as Array<{ id: number }>;
  return rows.map((row) => row.id);
}

/**
 * The clerk confirms (or withdraws) that this device writes local wall time into the MP4 header
 * times the format defines as UTC; its later ingests read them in the station's zone.
 */
export function setMetadataLocalTime(db: Database, id: number, localTime: boolean, now = Date.now()): Device {
  db.prepare('UPDATE devices SET metadata_local_time = ?, updated_at = ? WHERE id = ?').run(Number(localTime), now, id);
  return requireDevice(db, id);
}
