import type { Capability } from '../capability.js';
import type { StationServices } from '../services.js';

/** `station.info`: which station this is, its data folder, zone, clock and version. */
export function stationInfoModule(
  services: Pick<StationServices, 'stationName' | 'dataDir' | 'zone' | 'iso' | 'now'>,
  about: { version: string; autoIngestOverride: boolean | null },
): Capability<'station.info'> {
  return {
    handlers: {
      'station.info': () => ({
        stationName: services.stationName,
        dataDir: services.dataDir,
        zone: services.zone,
        now: services.iso(services.now()),
        version: about.version,
        autoIngestOverride: about.autoIngestOverride,
      }),
    },
  };
}
