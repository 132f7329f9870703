import { writeTransaction, type Database } from '../db/index.js';
import { StationError } from '../errors.js';
import type { Volume } from '../volumes/index.js';
import { listProfiles } from './device-profiles.js';
import { devicesIdentifiedBy, getDevice, listIdentities, rememberIdentity } from './device-store.js';
import type { DeviceIdentity, RecognitionBasis } from './device-types.js';
import { serialsInFileNames, type FileNameScanLimits } from './file-name-serials.js';
import { readIdentityFiles } from './identity-file.js';

/** One thing the volume said about who it is, and the registered devices that fits. */
export interface RecognitionCandidate {
  how: RecognitionBasis;
  value: string;
  deviceIds: number[];
  /** For a file-name serial: how many of the names read carried it. */
  files?: number;
  /** For an identity file: its path on the volume. */
  file?: string;
}

export interface Recognition {
  deviceId: number | null;
  how: RecognitionBasis | null;
  /** The serial the volume carries (file names, else an identity file), known device or not: offered when registering. */
  serial: string | null;
  /** Everything found, strongest basis first, so a person can see a conflict (identity files only when read). */
  candidates: RecognitionCandidate[];
}

export interface RecognizeOptions extends FileNameScanLimits {
  /** The administrator's extra recorder file-name patterns. */
  extraPatterns?: readonly string[];
}

type VolumeIdentity = Pick<Volume, 'mountpoint' | 'uuid' | 'label'>;

/**
 * Labels many volumes share out of the box: remembering one would tie every such card to one device.
 * Compared upper-case.
 */
const genericLabels = new Set(['NO NAME', 'NO_NAME', 'UNTITLED', 'DISK', 'USB', 'SD', 'SDCARD', 'REMOVABLE', 'NEW VOLUME', 'KINGSTON', 'SANDISK']);
const isGenericLabel = (label: string): boolean => genericLabels.has(label.trim().toUpperCase());

/**
 * Which registered device a mounted volume is, judged in order of strength: the recorder serial in
 * its file names (the most frequent one), a device profile's identity file, then the volume UUID and
 * the label remembered from an earlier confirmation. A basis decides only when it points at exactly
 * one device. Reads folder listings and, when they do not decide, a few small files, read-only.
 */
export async function recognizeVolume(db: Database, volume: VolumeIdentity, options: RecognizeOptions = {}): Promise<Recognition> {
  const candidates: RecognitionCandidate[] = [];
  const decided = (how: RecognitionBasis) => candidates.find((c) => c.how === how && c.deviceIds.length === 1);

  // Only the most frequent serial speaks for the file names; a stray file from another recorder does not.
  const serials = await serialsInFileNames(volume.mountpoint, options.extraPatterns, options);
  for (const { serial, files } of serials) {
    candidates.push({ how: 'file-name-serial', value: serial, deviceIds: devicesIdentifiedBy(db, 'file-name-serial', serial), files });
  }
  const topSerial = candidates[0];
  let winner = topSerial?.deviceIds.length === 1 ? topSerial : undefined;

  // Folder listings leave a card untouched; reading a file may not (exfat-fuse records the access): only when needed.
  if (winner === undefined) {
    for (const reading of await readIdentityFiles(volume.mountpoint, listProfiles(db))) {
      if (candidates.some((c) => c.how === 'identity-file' && c.value.toUpperCase() === reading.value.toUpperCase())) continue;
      const deviceIds = devicesIdentifiedBy(db, 'identity-file', reading.value);
      candidates.push({ how: 'identity-file', value: reading.value, deviceIds, file: reading.file });
    }
    winner = decided('identity-file');
  }
  if (volume.uuid !== null) {
    candidates.push({ how: 'volume-uuid', value: volume.uuid, deviceIds: devicesIdentifiedBy(db, 'volume-uuid', volume.uuid) });
  }
  if (volume.label !== null && volume.label.trim() !== '') {
    const deviceIds = devicesIdentifiedBy(db, 'volume-label', volume.label).filter((id) => !uuidContradicts(db, id, volume.uuid));
    candidates.push({ how: 'volume-label', value: volume.label, deviceIds });
  }
  winner ??= decided('volume-uuid') ?? decided('volume-label');

  const serial = topSerial?.value ?? candidates.find((c) => c.how === 'identity-file')?.value ?? null;
  return { deviceId: winner?.deviceIds[0] ?? null, how: winner?.how ?? null, serial, candidates };
}

/** A label match means nothing when the device is remembered by UUID and this volume has another. */
function uuidContradicts(db: Database, deviceId: number, uuid: string | null): boolean {
  if (uuid === null) return false;
  const uuids = listIdentities(db, deviceId).filter((identity) => identity.kind === 'volume-uuid');
  return uuids.length > 0 && !uuids.some((identity) => identity.value.toUpperCase() === uuid.toUpperCase());
}

/**
 * Remembers, after a person confirmed that this volume is that device, what will recognise it next
 * time: its UUID, its label (unless a generic one), and the serials its file names and identity files
 * carry. Returns all the device's remembered identities.
 */
export function rememberVolume(
  db: Database,
  deviceId: number,
  volume: VolumeIdentity,
  recognition: Pick<Recognition, 'candidates'> | null = null,
  now = Date.now(),
): DeviceIdentity[] {
  return writeTransaction(db, () => {
    const device = getDevice(db, deviceId);
    if (device === null) throw new StationError('not-found', `no device ${deviceId}`);
    const remember = (kind: RecognitionBasis, value: string) => rememberIdentity(db, deviceId, kind, value, now);
    if (volume.uuid !== null) remember('volume-uuid', volume.uuid);
    if (volume.label !== null && volume.label.trim() !== '' && !isGenericLabel(volume.label)) remember('volume-label', volume.label);
    // A serial the volume carries is worth remembering unless it is the device's own, or another device's.
    const candidates = recognition?.candidates ?? [];
    const serials = [candidates.find((c) => c.how === 'file-name-serial'), ...candidates.filter((c) => c.how === 'identity-file')];
    for (const candidate of serials) {
      if (candidate === undefined || candidate.deviceIds.some((id) => id !== deviceId)) continue;
      if (candidate.value.toUpperCase() !== device.serial.toUpperCase()) remember(candidate.how, candidate.value);
    }
    return listIdentities(db, deviceId);
  });
}
