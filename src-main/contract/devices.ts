import { z } from 'zod';
import { ReasonCode } from './ingest.js';

/** Art. 2: the kinds of recording equipment the office holds. */
export const DeviceType = z.enum(['body-camera', 'camera', 'audio-recorder', 'video-camera', 'handheld-terminal', 'other']);
export type DeviceType = z.infer<typeof DeviceType>;

export const DeviceStatus = z.enum(['in-service', 'under-repair', 'retired']);
export type DeviceStatus = z.infer<typeof DeviceStatus>;

export const Device = z.object({
  id: z.number().int(),
  type: DeviceType,
  serial: z.string(),
  name: z.string().nullable(),
  model: z.string().nullable(),
  assetNumber: z.string().nullable(),
  purchaseDate: z.string().nullable(),
  status: DeviceStatus,
  /** Confirmed once by a clerk: its MP4 header times (`QuickTime:CreateDate`) are local wall time, not UTC. */
  metadataLocalTime: z.boolean(),
});
export type Device = z.infer<typeof Device>;

export const NewDevice = z.object({
  type: DeviceType,
  serial: z.string().trim().min(1).max(64),
  name: z.string().trim().max(100).optional(),
  model: z.string().trim().max(100).optional(),
  assetNumber: z.string().trim().max(100).optional(),
  purchaseDate: z.iso.date().optional(),
  status: DeviceStatus.optional(),
});
export type NewDevice = z.infer<typeof NewDevice>;

/** How the station knew which device a volume is. */
export const RecognitionMethod = z.enum(['file-name-serial', 'identity-file', 'volume-uuid', 'volume-label']).nullable();
export type RecognitionMethod = z.infer<typeof RecognitionMethod>;

/** A plugged-in volume's way from detection to "safe to remove". */
export const VolumeState = z.enum(['identifying', 'unknown-device', 'ready', 'ingesting', 'verified', 'failed']);
export type VolumeState = z.infer<typeof VolumeState>;

export const AttachedVolume = z.object({
  mountpoint: z.string(),
  label: z.string().nullable(),
  uuid: z.string().nullable(),
  fsType: z.string(),
  removable: z.boolean(),
  sizeBytes: z.number().nullable(),
  freeBytes: z.number().nullable(),
  deviceId: z.number().int().nullable(),
  device: Device.nullable(),
  how: RecognitionMethod,
  /** The serial read from the volume (file names or identity file), offered when registering. */
  serial: z.string().nullable(),
  state: VolumeState,
  ingestId: z.string().nullable(),
  reason: z.string().nullable(),
  reasonCode: ReasonCode.nullable(),
  /** True once everything on it is verified in the archive: the officer may unplug it. */
  safeToRemove: z.boolean(),
  attachedAt: z.string(),
  /** The recorder on this volume is checked out: the desk may check it in at the plug-in time. */
  openCheckout: z
    .object({ checkoutId: z.number().int(), officerName: z.string(), officerNumber: z.string(), checkedOutAt: z.string() })
    .nullable(),
});
export type AttachedVolume = z.infer<typeof AttachedVolume>;

export const Settings = z.object({
  autoIngest: z.boolean(),
  anyVolume: z.boolean(),
  driftToleranceSeconds: z.number().min(0).max(86_400),
  recordingGapSeconds: z.number().min(1).max(86_400),
  /** Extra recorder file-name patterns (regular expressions with named groups), for vendors we do not know. */
  namePatterns: z.array(z.string().max(500)).max(50),
  /** A signed-in session with no activity for this long locks and asks for the password again. */
  idleLockMinutes: z.number().int().min(1).max(24 * 60),
  /** Art. 13: footage is stored within this many hours of the recorder's return. */
  ingestDeadlineHours: z.number().min(1).max(24 * 30),
  /** How many body cameras one officer may hold at once. */
  bodyCamerasPerOfficer: z.number().int().min(1).max(10),
  /** A checked-out recorder plugged in is checked in at the plug-in time without asking. */
  checkInOnPlugIn: z.boolean(),
  /** 制作单位: the producing unit printed on disc labels (Art. 16); the station's name when empty. */
  unitName: z.string().trim().max(200),
  /** A stored disc copy is read and checked again this many months after its last good check. */
  discRecheckMonths: z.number().int().min(1).max(48),
  /** Ingests copying at once: every attached recorder (a rack holds up to 16); lower it to keep some back. */
  maxConcurrentIngests: z.number().int().min(1).max(16),
});
export type Settings = z.infer<typeof Settings>;
