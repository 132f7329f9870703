import type { Database } from '../db/index.js';
import { recorderSerial } from '../recorder-names/index.js';
import { linkIngestsToDevice, unlinkedIngestFiles } from './ingest-store.js';

/** The serials these file names carry (GA/T 947 or an administrator's pattern), upper-cased, each with how many names carry it. */
function serialCounts(paths: readonly string[], extraPatterns: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const path of paths) {
    const serial = recorderSerial(path, extraPatterns);
    if (serial !== null) counts.set(serial, (counts.get(serial) ?? 0) + 1);
  }
  return counts;
}

/** The serial most of these file names carry, or null when none carries one. */
export function serialInNames(paths: readonly string[], extraPatterns: readonly string[]): string | null {
  return [...serialCounts(paths, extraPatterns)].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * A recorder registered after its footage was imported from a folder: the earlier ingests that
 * named no device, and whose file names carry this serial and no other, are tied to it, so their
 * recordings show the device instead of the folder's name. A folder mixing two recorders' files
 * is left alone: which one it was is not the station's guess to make. Returns the ingests tied.
 */
export function linkIngestsToSerial(db: Database, deviceId: number, serial: string, extraPatterns: readonly string[]): string[] {
  const wanted = serial.trim().toUpperCase();
  const linked = [...unlinkedIngestFiles(db)]
    .filter(([, paths]) => {
      const serials = serialCounts(paths, extraPatterns);
      return serials.size === 1 && serials.has(wanted);
    })
    .map(([ingestId]) => ingestId);
  linkIngestsToDevice(db, deviceId, linked);
  return linked;
}
