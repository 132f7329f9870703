import type { Capability } from '../capability.js';
import type { Database } from '../db/index.js';
import { addDevice, listDevices, setMetadataLocalTime, updateDevice } from './device-store.js';
import { publicDevice } from './public-device.js';

/**
 * `devices.*`: the registry of recorders, cameras and audio recorders (Art. 2, 3). `onRegistered`
 * hears of each new device, so that footage imported before it was registered can be tied to it.
 */
export function devicesModule(
  db: Database,
  onRegistered: (device: { id: number; serial: string }) => void,
): Capability<'devices.list' | 'devices.add' | 'devices.update' | 'devices.setMetadataLocalTime'> {
  return {
    handlers: {
      'devices.list': () => listDevices(db).map(publicDevice),
      'devices.add': (fields) => {
        const device = addDevice(db, fields);
        onRegistered(device);
        return publicDevice(device);
      },
      'devices.update': ({ id, ...changes }) => publicDevice(updateDevice(db, id, changes)),
      'devices.setMetadataLocalTime': ({ id, localTime }) => publicDevice(setMetadataLocalTime(db, id, localTime)),
    },
  };
}
