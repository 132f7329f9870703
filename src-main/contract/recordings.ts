import { z } from 'zod';
import { FileClock } from './clock.js';
import { Confidentiality } from './confidentiality.js';
import { MediaKind, VerificationMethod } from './ingest.js';
import { ProblemCode } from './problems.js';

export const Recording = z.object({
  id: z.number().int(),
  sha256: z.string(),
  size: z.number().int(),
  archivePath: z.string(),
  originalName: z.string(),
  kind: MediaKind,
  recordedAt: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  device: z.string().nullable(),
  ingestId: z.string(),
  archivedAt: z.string(),
  /** False when ffprobe could not read a media file: kept and flagged, never rejected. */
  readable: z.boolean().nullable(),
  /** The officer number a GA/T 947 file name carries (`1234567_012345_…` → `012345`), else null. */
  officerNumber: z.string().nullable(),
  /** The officer marked the file important (`IMP` in its name). */
  important: z.boolean(),
  /**
   * Who recorded it: the officer the device was checked out to when it was recorded (its
   * drift-corrected time inside a check-out window), else the person whose officer number its name
   * carries; null when neither is known (footage not attributed to anyone).
   */
  officer: z.object({ id: z.number().int(), name: z.string(), officerNumber: z.string().nullable() }).nullable(),
  /** The check-out whose window holds it, or null. */
  checkoutId: z.number().int().nullable(),
  /** Its effective level (Art. 14): the higher of its own and its check-out's. */
  confidentiality: Confidentiality,
  /**
   * The caller may not see it: listed so the archive's count stays true, but its name, path, time,
   * length and officer are replaced (`maskedName`, nulls), and it cannot be opened or played.
   */
  masked: z.boolean(),
  /** The lead's standing decision on the ingest that archived it (approved: sealed); null while none is signed. */
  signoff: z.object({ state: z.enum(['approved', 'rejected']), signer: z.string() }).nullable(),
});
export type Recording = z.infer<typeof Recording>;

/** What a masked recording's name and archive path read as. */
export const maskedName = '(confidential)';

export const RecordingDetail = Recording.extend({
  sourceSha256: z.string(),
  verifiedSha256: z.string(),
  verification: VerificationMethod,
  recordedAtSource: z.string().nullable(),
  codec: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  problem: z.string().nullable(),
  problemCode: ProblemCode.nullable(),
  /** How much of a recording that was cut short still plays (seconds); null otherwise. */
  playsSeconds: z.number().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  sightings: z.array(z.object({ ingestId: z.string(), source: z.string(), at: z.string() })),
  /**
   * The import found the time in the file name this many whole hours off the metadata time (name −
   * metadata: a recorder's zone set wrong), so the time shown may be that far out; null when not.
   */
  nameTimeOffHours: z.number().nullable(),
  /** The recorder's time and the corrected time, from the ingest that archived it (Art. 7). */
  clock: FileClock.nullable(),
  /** With no registered device tied to its ingest: the recorder serial its file name carries, offered for registration. */
  unregisteredSerial: z.string().nullable(),
});
export type RecordingDetail = z.infer<typeof RecordingDetail>;

/** The columns a list of recordings can be ordered by. */
export const RecordingSort = z.enum(['time', 'file', 'device', 'officer', 'kind', 'duration', 'size', 'hash', 'status']);
export type RecordingSort = z.infer<typeof RecordingSort>;
export const SortOrder = z.enum(['asc', 'desc']);
export type SortOrder = z.infer<typeof SortOrder>;

export const RecordingQuery = z.object({
  search: z.string().max(200).optional(),
  kind: MediaKind.optional(),
  ingestId: z.string().optional(),
  /** Only this officer's recordings (the number in the file names). */
  officer: z.string().max(20).optional(),
  /** Only recordings the officer marked important. */
  important: z.boolean().optional(),
  /** Recorded on or after this day, on or before that one (days in the station's zone). */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** Only recordings from ingests of this registered device. */
  deviceId: z.number().int().optional(),
  /** Only recordings ffprobe could not read, or read with a problem (cut short, no stream). */
  damaged: z.boolean().optional(),
  /** Only recordings no check-out and no officer number ties to anyone (`officer` null). */
  unattributed: z.boolean().optional(),
  /** Newest recording first unless asked otherwise; rows without a value go last either way. */
  sort: RecordingSort.default('time'),
  order: SortOrder.default('desc'),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(100_000).default(200),
});
export type RecordingQuery = z.infer<typeof RecordingQuery>;

export const RecordingPage = z.object({ total: z.number().int(), rows: z.array(Recording) });
export type RecordingPage = z.infer<typeof RecordingPage>;

export const ArchiveProblem = z.object({
  path: z.string(),
  problem: z.enum(['missing', 'altered', 'unknown']),
});
export const VerifyReport = z.object({ checked: z.number().int(), problems: z.array(ArchiveProblem) });
export type VerifyReport = z.infer<typeof VerifyReport>;
