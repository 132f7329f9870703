import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src-main/core/db/database.js';
import {
  addDevice,
  devicesIdentifiedBy,
  findDeviceBySerial,
  forgetIdentity,
  getDevice,
  listDevices,
  listIdentities,
  rememberIdentity,
  updateDevice,
} from '../../../src-main/core/devices/device-store.js';
import type { DeviceFields } from '../../../src-main/core/devices/device-types.js';
import { StationError } from '../../../src-main/core/errors.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** The StationError a call throws, so its code can be checked. */
function failure(call: () => unknown): StationError {
  try {
    call();
  } catch (error) {
    if (error instanceof StationError) return error;
    throw error;
  }
  throw new Error('expected a StationError, nothing was thrown');
}

describe('the device registry', () => {
  const dir = tempDir('device-store');
  let db: Database;
  let n = 0;
  beforeEach(() => {
    db = openDatabase(join(dir, `devices-${(n += 1)}.db`));
    return () => db.close();
  });

  it('registers a device with all its fields and reads it back', () => {
    const device = addDevice(
      db,
      { type: 'body-camera', serial: ' 1234567 ', model: 'DSJ-V7', assetNumber: 'ZC-2026-0042', name: '执法记录仪 3 号', purchaseDate: '2026-03-01' },
      1_700_000_000_000,
    );
    expect(device).toEqual({
      id: expect.any(Number),
      type: 'body-camera',
      serial: '1234567',
      model: 'DSJ-V7',
      assetNumber: 'ZC-2026-0042',
      name: '执法记录仪 3 号',
      purchaseDate: '2026-03-01',
      status: 'in-service',
      metadataLocalTime: false,
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
    });
    expect(getDevice(db, device.id)).toEqual(device);
    expect(findDeviceBySerial(db, '1234567')).toEqual(device);
    expect(getDevice(db, device.id + 1)).toBeNull();
  });

  it('refuses a second device with the same serial, whatever the letter case, as invalid input', () => {
    addDevice(db, { type: 'body-camera', serial: 'AB12345' });
    const error = failure(() => addDevice(db, { type: 'camera', serial: 'ab12345' }));
    expect(error.code).toBe('invalid-input');
    // The cause the form turns into "该序列号的设备已经登记：请…编辑它", not the station's English words.
    expect(error.errorCause).toBe('serial-taken');
    expect(error.message).toMatch(/AB12345|ab12345/);
    expect(listDevices(db)).toHaveLength(1);
  });

  it('refuses unknown types and statuses, empty serials and impossible dates with messages a person can act on', () => {
    const bad: Array<[DeviceFields, RegExp]> = [
      [{ type: 'drone' as never, serial: 'X1' }, /device type/],
      [{ type: 'camera', serial: 'X2', status: 'lost' as never }, /status/],
      [{ type: 'camera', serial: '   ' }, /serial/],
      [{ type: 'camera', serial: 'X3', purchaseDate: '2026-02-30' }, /YYYY-MM-DD/],
      [{ type: 'camera', serial: 'X4', purchaseDate: '1/3/2026' }, /YYYY-MM-DD/],
    ];
    for (const [fields, message] of bad) {
      const error = failure(() => addDevice(db, fields));
      expect(error.code).toBe('invalid-input');
      expect(error.message).toMatch(message);
    }
    expect(listDevices(db)).toEqual([]);
  });

  it('lists devices by serial, filtered by type and status', () => {
    addDevice(db, { type: 'camera', serial: 'C000001' });
    addDevice(db, { type: 'body-camera', serial: 'B000002', status: 'retired' });
    addDevice(db, { type: 'body-camera', serial: 'A000003' });
    expect(listDevices(db).map((d) => d.serial)).toEqual(['A000003', 'B000002', 'C000001']);
    expect(listDevices(db, { type: 'body-camera' }).map((d) => d.serial)).toEqual(['A000003', 'B000002']);
    expect(listDevices(db, { type: 'body-camera', status: 'in-service' }).map((d) => d.serial)).toEqual(['A000003']);
  });

  it('updates the given fields, clears those set to null, keeps the rest, and stamps the change', () => {
    const device = addDevice(db, { type: 'body-camera', serial: '1234567', model: 'DSJ-V7', name: 'three' }, 1000);
    const updated = updateDevice(db, device.id, { status: 'under-repair', name: null, assetNumber: 'ZC-1' }, 2000);
    expect(updated).toEqual({ ...device, status: 'under-repair', name: null, assetNumber: 'ZC-1', updatedAt: 2000 });
    const other = addDevice(db, { type: 'camera', serial: '7654321' });
    expect(failure(() => updateDevice(db, other.id, { serial: '1234567' })).code).toBe('invalid-input');
    expect(failure(() => updateDevice(db, 999, { status: 'retired' })).code).toBe('not-found');
  });

  it('remembers identities once each, renewing the time, finds devices by them, and forgets one', () => {
    const a = addDevice(db, { type: 'body-camera', serial: '1234567' });
    const b = addDevice(db, { type: 'body-camera', serial: '7654321' });
    const first = rememberIdentity(db, a.id, 'volume-uuid', 'FFCA-F37B', 1000);
    const again = rememberIdentity(db, a.id, 'volume-uuid', 'ffca-f37b', 2000);
    expect(again).toEqual({ ...first, rememberedAt: 2000 });
    rememberIdentity(db, a.id, 'volume-label', 'DSJ', 1000);
    rememberIdentity(db, b.id, 'volume-label', 'DSJ', 1000);
    expect(listIdentities(db, a.id).map((i) => `${i.kind}=${i.value}`)).toEqual(['volume-label=DSJ', 'volume-uuid=FFCA-F37B']);
    expect(devicesIdentifiedBy(db, 'volume-uuid', 'ffca-f37b')).toEqual([a.id]);
    expect(devicesIdentifiedBy(db, 'volume-label', 'DSJ')).toEqual([a.id, b.id]);
    expect(forgetIdentity(db, first.id)).toBe(true);
    expect(forgetIdentity(db, first.id)).toBe(false);
    expect(devicesIdentifiedBy(db, 'volume-uuid', 'FFCA-F37B')).toEqual([]);
  });

  it('finds a device by its registered serial or a remembered file-name serial, but never by serial for volume kinds', () => {
    const a = addDevice(db, { type: 'body-camera', serial: 'DSJ-V7-20230001' });
    const b = addDevice(db, { type: 'body-camera', serial: '7654321' });
    rememberIdentity(db, a.id, 'file-name-serial', '1234567');
    expect(devicesIdentifiedBy(db, 'file-name-serial', '1234567')).toEqual([a.id]);
    expect(devicesIdentifiedBy(db, 'file-name-serial', '7654321')).toEqual([b.id]);
    expect(devicesIdentifiedBy(db, 'identity-file', '7654321')).toEqual([b.id]);
    expect(devicesIdentifiedBy(db, 'volume-label', '7654321')).toEqual([]);
  });

  it('refuses identities of unknown devices, of unknown kinds, and empty ones', () => {
    const a = addDevice(db, { type: 'camera', serial: 'C1' });
    expect(failure(() => rememberIdentity(db, 999, 'volume-uuid', 'X')).code).toBe('not-found');
    expect(failure(() => rememberIdentity(db, a.id, 'fingerprint' as never, 'X')).code).toBe('invalid-input');
    expect(failure(() => rememberIdentity(db, a.id, 'volume-label', '  ')).code).toBe('invalid-input');
  });
});
