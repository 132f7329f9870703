import { z } from 'zod';
import { ClockDrift, FileClock, Finding } from './clock.js';
import { ProblemCode } from './problems.js';

export const FileStatus = z.enum(['archived', 'duplicate', 'skipped', 'failed']);
export type FileStatus = z.infer<typeof FileStatus>;

/** How the written copy was read back: past the page cache, or through it where the platform cannot. */
export const VerificationMethod = z.enum(['o_direct', 'buffered']);
export type VerificationMethod = z.infer<typeof VerificationMethod>;

/** Why a file was skipped or failed, or why an ingest stopped: stable codes the interface translates. */
export const ReasonCode = z.enum([
  'os-file',
  'symlink',
  'special-file',
  'own-data-folder',
  'unreadable',
  'copy-failed',
  'verification-failed',
  'disk-full',
  'source-gone',
  'source-empty',
  'cancelled',
  'interrupted',
]);
export type ReasonCode = z.infer<typeof ReasonCode>;

export const MediaKind = z.enum(['video', 'audio', 'photo', 'other']);
export type MediaKind = z.infer<typeof MediaKind>;

export const IngestFile = z.object({
  source: z.string(),
  /** The bytes of `source` as the device wrote them (hex) when they were not UTF-8 and `source` was made from them; else null. */
  originalNameHex: z.string().nullable(),
  size: z.number().int().nonnegative(),
  sha256: z.string().nullable(),
  status: FileStatus,
  archivePath: z.string().nullable(),
  reason: z.string().nullable(),
  reasonCode: ReasonCode.nullable(),
  recordedAt: z.string().nullable(),
  verification: VerificationMethod.nullable(),
  clock: FileClock.nullable(),
  /** Whether the archived recording plays to its end (false: unfinished, cut short, not media); null when not media or not archived. */
  readable: z.boolean().nullable(),
  /** What is wrong with it, as in the recording's detail; null when nothing is. */
  problemCode: ProblemCode.nullable(),
  /** How much of a recording that was cut short still plays, and how long it says it is (seconds). */
  playsSeconds: z.number().nullable(),
  durationSeconds: z.number().nullable(),
});
export type IngestFile = z.infer<typeof IngestFile>;

export const IngestTotals = z.object({
  files: z.number().int(),
  bytes: z.number().int(),
  archived: z.number().int(),
  duplicate: z.number().int(),
  skipped: z.number().int(),
  /** Files that could not be archived for a reason of their own (unreadable, copy or verify failed, source gone, disk full). */
  failed: z.number().int(),
  /** Files a cancel or a crash stopped the ingest before: not tried, so not failed. */
  notReached: z.number().int(),
});
export type IngestTotals = z.infer<typeof IngestTotals>;

export const IngestState = z.enum(['running', 'completed', 'failed', 'interrupted']);
export type IngestState = z.infer<typeof IngestState>;

export const IngestSummary = z.object({
  ingestId: z.string(),
  source: z.string(),
  archivePath: z.string(),
  operator: z.string(),
  state: IngestState,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  reason: z.string().nullable(),
  reasonCode: ReasonCode.nullable(),
  deviceId: z.number().int().nullable(),
  /** The registered device (name and serial), else the volume's or folder's name. */
  device: z.string().nullable(),
  totals: IngestTotals,
  clockDrift: ClockDrift,
  findingCount: z.number().int(),
});
export type IngestSummary = z.infer<typeof IngestSummary>;

/** Which ingests a history page lists: newest first, a page at a time, narrowed by filters. */
export const IngestQuery = z.object({
  limit: z.number().int().min(1).max(1000).default(100),
  offset: z.number().int().nonnegative().default(0),
  state: IngestState.optional(),
  deviceId: z.number().int().optional(),
  /** Started on or after this day, on or before that one (days in the station's zone). */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  sort: z.enum(['started', 'finished', 'source', 'device', 'operator', 'state', 'bytes']).default('started'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type IngestQuery = z.infer<typeof IngestQuery>;

export const IngestPage = z.object({ total: z.number().int(), rows: z.array(IngestSummary) });
export type IngestPage = z.infer<typeof IngestPage>;

/** The whole account of one ingest; `station ingest --json` prints exactly this. */
export const IngestReport = z.object({
  ingestId: z.string(),
  source: z.string(),
  archivePath: z.string(),
  state: IngestState,
  reason: z.string().nullable(),
  reasonCode: ReasonCode.nullable(),
  deviceId: z.number().int().nullable(),
  /** With no device tied: the recorder serial most of its file names carry, offered for registration. */
  unregisteredSerial: z.string().nullable(),
  /** When an earlier ingest last found files this one found again (a card imported before), ISO-8601; else null. */
  importedBefore: z.string().nullable(),
  mountpoint: z.string().nullable(),
  files: z.array(IngestFile),
  totals: IngestTotals,
  clockDrift: ClockDrift,
  findings: z.array(Finding),
});
export type IngestReport = z.infer<typeof IngestReport>;

export const IngestProgress = z.object({
  ingestId: z.string(),
  /** `checking`: within the copy, a file an earlier ingest archived is read and hashed to confirm it, not copied. */
  phase: z.enum(['queued', 'scanning', 'copying', 'checking', 'verifying', 'metadata', 'clock', 'finishing']),
  filesDone: z.number().int(),
  filesTotal: z.number().int(),
  bytesDone: z.number(),
  bytesTotal: z.number(),
  currentFile: z.string().nullable(),
  bytesPerSecond: z.number(),
  secondsLeft: z.number().nullable(),
});
export type IngestProgress = z.infer<typeof IngestProgress>;
