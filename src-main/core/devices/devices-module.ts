import type { Capability } from '../capability.js';
import type { Database } from '../db/index.js';
import { addDevice, listDevices, updateDevice } from './device-store.js';
import { publicDevice } from './public-device.js';

/** `devices.*`: the registry of recorders, cameras and audio recorders (Art. 2, 3). */
export function devicesModule(db: Database): Capability<'devices.list' | 'devices.add' | 'devices.update'> {
  return {
    handlers: {
      'devices.list': () => listDevices(db).map(publicDevice),
      'devices.add': (fields) => publicDevice(addDevice(db, fields)),
      'devices.update': ({ id, ...changes }) => publicDevice(updateDevice(db, id, changes)),
    },
  };
}
