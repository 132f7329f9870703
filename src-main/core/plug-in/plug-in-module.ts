import type { Capability } from '../capability.js';
import { StationError } from '../errors.js';
import type { IngestModule } from '../ingest/index.js';
import type { LedgerModule } from '../ledger/index.js';
import type { StationServices } from '../services.js';
import { createVolumeScanner } from '../volumes/index.js';
import { VolumeService } from './volume-service.js';
import { volumeSnapshot } from './volume-snapshot.js';

export interface WatchOptions {
  /** Also offer non-removable volumes (built-in SD readers; loop devices in tests); else the setting. */
  anyVolume?: boolean;
  /** Ingest recognised devices on their own; else the setting. */
  autoIngest?: boolean;
  /** Who is at the station: recorded as the operator of ingests started by plugging a device in. */
  operator: string;
}

export interface PlugInModule extends Capability<'volumes.list' | 'volumes.match' | 'volumes.ingest'> {
  /** Starts watching, once hosts listen, so no attach is missed; nothing when the station does not watch. */
  watch(): Promise<void>;
}

/** `volumes.*`: plugged-in devices, from detection to "safe to remove", when this host watches. */
export function plugInModule(
  services: StationServices,
  ingest: IngestModule,
  ledger: Pick<LedgerModule, 'openCheckout' | 'checkInAtPlugIn'>,
  options: WatchOptions | undefined,
): PlugInModule {
  const { db, dataDir, settings } = services;
  const service = options
    ? new VolumeService(
        {
          ...services,
          startIngest: (mountpoint, origin) => ingest.submit({ sourcePath: mountpoint, operator: options.operator, role: 'station', origin }),
          stopIngest: (ingestId, reason) => void ingest.stopIngest(ingestId, reason),
          ledger,
        },
        createVolumeScanner({ anyVolume: options.anyVolume ?? settings().anyVolume, excludePath: dataDir }),
        options.autoIngest ?? null,
      )
    : null;
  const watching = (): VolumeService => {
    if (!service) throw new StationError('invalid-input', 'this station is not watching for devices (start it with `station watch` or the desktop program)');
    return service;
  };
  let started: Promise<void> | null = null;
  return {
    watch: () => (started ??= service?.start() ?? Promise.resolve()),
    async stop() {
      if (started) await service?.stop();
    },
    handlers: {
      'volumes.list': ({ anyVolume }) => {
        if (service) return service.list();
        const current = settings();
        return volumeSnapshot(db, { anyVolume: anyVolume ?? current.anyVolume, dataDir, namePatterns: current.namePatterns,
          now: services.iso(services.now()),
          openCheckoutOf: ledger.openCheckout,
        });
      },
      'volumes.match': ({ mountpoint, deviceId }) => watching().match(mountpoint, deviceId),
      'volumes.ingest': ({ mountpoint }) => watching().ingest(mountpoint),
    },
  };
}
