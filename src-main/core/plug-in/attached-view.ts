import type { AttachedVolume } from '../../contract/index.js';
import type { Database } from '../db/index.js';
import { getDevice, publicDevice, type Recognition } from '../devices/index.js';
import type { Volume } from '../volumes/index.js';

/** The ledger's word on a recorder: its open check-out, if it is out. */
export type OpenCheckoutOf = (deviceId: number) => AttachedVolume['openCheckout'];

/** How a volume looks to the interface once recognised (or while it is being identified). */
export function attachedView(
  db: Database,
  volume: Volume,
  recognition: Recognition | null,
  attachedAt: string,
  openCheckoutOf: OpenCheckoutOf,
): AttachedVolume {
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
    openCheckout: device ? openCheckoutOf(device.id) : null,
  };
}
