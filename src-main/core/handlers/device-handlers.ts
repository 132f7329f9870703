import type { Handlers } from '../router.js';
import { addDevice, listDevices, updateDevice } from '../devices/device-store.js';
import { publicDevice } from '../plug-in/attached-view.js';
import { volumeSnapshot } from '../plug-in/volume-snapshot.js';
import { StationError } from '../errors.js';
import { readSettings, writeSettings } from '../settings/settings-store.js';
import { compileNamePatterns } from '../recorder-names/name-patterns.js';
import type { HandlerContext } from './context.js';

type DeviceCommands =
  | 'devices.list'
  | 'devices.add'
  | 'devices.update'
  | 'volumes.list'
  | 'volumes.match'
  | 'volumes.ingest'
  | 'settings.get'
  | 'settings.update';

function watching(context: HandlerContext) {
  const service = context.volumes();
  if (!service) throw new StationError('invalid-input', 'this station is not watching for devices (start it with `station watch` or the desktop program)');
  return service;
}

export function deviceHandlers(context: HandlerContext): Pick<Handlers, DeviceCommands> {
  const { db } = context;
  return {
    'devices.list': () => listDevices(db).map(publicDevice),
    'devices.add': (fields) => publicDevice(addDevice(db, fields)),
    'devices.update': ({ id, ...changes }) => publicDevice(updateDevice(db, id, changes)),
    'volumes.list': ({ anyVolume }) => {
      const service = context.volumes();
      if (service) return service.list();
      const settings = readSettings(db);
      return volumeSnapshot(db, {
        anyVolume: anyVolume ?? settings.anyVolume,
        dataDir: context.dataDir,
        namePatterns: settings.namePatterns,
        now: context.iso(Date.now()),
      });
    },
    'volumes.match': ({ mountpoint, deviceId }) => watching(context).match(mountpoint, deviceId),
    'volumes.ingest': ({ mountpoint }) => watching(context).ingest(mountpoint),
    'settings.get': () => readSettings(db),
    'settings.update': (change) => {
      if (change.namePatterns) {
        try {
          compileNamePatterns(change.namePatterns);
        } catch (error) {
          throw new StationError('invalid-input', error instanceof Error ? error.message : String(error));
        }
      }
      return writeSettings(db, change);
    },
  };
}
