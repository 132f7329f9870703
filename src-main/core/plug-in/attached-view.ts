import type { AttachedVolume, Device as ContractDevice } from '../../contract/index.js';
import type { Database } from '../db/database.js';
import { getDevice } from '../devices/device-store.js';
import type { Device } from '../devices/device-types.js';
import type { Recognition } from '../devices/recognize-volume.js';
import type { Volume } from '../volumes/volume.js';

/** The registry's device as the contract shows it (without the registry's own bookkeeping). */
export const publicDevice = ({ createdAt: _created, updatedAt: _updated, ...device }: Device): ContractDevice => device;

/** How a volume looks to the interface once recognised (or while it is being identified). */
export function attachedView(db: Database, volume: Volume, recognition: Recognition | null, attachedAt: string): AttachedVolume {
  const device = recognition?.deviceId == null ? null : getDevice(db, recognition.deviceId);
  return {
    mountpoint: volume.mountpoint,
    label: volume.label,
    uuid: volume.uuid,
    fsType: volume.fsType,
    removable: volume.removable,
    sizeBytes: volume.sizeBytes,
    freeBytes: volume.freeBytes,
    deviceId: device?.id ?? null,
    device: device && publicDevice(device),
    how: device ? (recognition?.how ?? null) : null,
    serial: recognition?.serial ?? null,
    state: recognition === null ? 'identifying' : device === null ? 'unknown-device' : 'ready',
    ingestId: null,
    reason: null,
    reasonCode: null,
    safeToRemove: false,
    attachedAt,
  };
}
