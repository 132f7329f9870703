import type { Capability } from '../capability.js';
import type { Database } from '../db/index.js';
import { StationError } from '../errors.js';
import { compileNamePatterns } from '../recorder-names/index.js';
import { readSettings, writeSettings } from './settings-store.js';

/** `settings.*`: the station's settings, checked before they are kept. */
export function settingsModule(db: Database): Capability<'settings.get' | 'settings.update'> {
  return {
    handlers: {
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
    },
  };
}
