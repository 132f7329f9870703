// What the IMAPI2 PowerShell scripts print, read back: one JSON object a line for drives, media
// and errors, `PROGRESS <bytes>` lines while writing. Pure functions, so they are tested on
// Linux with outputs written from the IMAPI2 documentation (they are not recordings of a drive).
import { z } from 'zod';
import { BurnError, type BurnFailure, type DriveInfo } from './burner.js';
import type { CheckedMedia } from './refuse-before-writing.js';

/** IMAPI_MEDIA_PHYSICAL_TYPE (imapi2.h), named as the station names media. */
const PHYSICAL_MEDIA_TYPES: Readonly<Record<number, string>> = {
  0: 'unknown',
  1: 'CD-ROM',
  2: 'CD-R',
  3: 'CD-RW',
  4: 'DVD-ROM',
  5: 'DVD-RAM',
  6: 'DVD+R',
  7: 'DVD+RW',
  8: 'DVD+R DL',
  9: 'DVD-R',
  10: 'DVD-RW',
  11: 'DVD-R DL',
  12: 'disk',
  13: 'DVD+RW DL',
  14: 'HD DVD-ROM',
  15: 'HD DVD-R',
  16: 'HD DVD-RAM',
  17: 'BD-ROM',
  18: 'BD-R',
  19: 'BD-RE',
};

const SECTOR_BYTES = 2048;

/** The HRESULTs (imapi2error.h) that mean something a person can act on. */
const FAILURES_BY_HRESULT: ReadonlyMap<number, BurnFailure> = new Map([
  [0xc0aa0002, 'cancelled'], // E_IMAPI_REQUEST_CANCELLED
  [0xc0aa0202, 'no-disc'], // E_IMAPI_RECORDER_MEDIA_NO_MEDIA
  [0xc0aa0203, 'wrong-medium'], // E_IMAPI_RECORDER_MEDIA_INCOMPATIBLE
  [0xc0aa0204, 'wrong-medium'], // E_IMAPI_RECORDER_MEDIA_UPSIDE_DOWN
  [0xc0aa0209, 'wrong-medium'], // E_IMAPI_RECORDER_MEDIA_WRITE_PROTECTED
  [0xc0aa0402, 'not-blank'], // E_IMAPI_DF2DATA_INVALID_MEDIA_STATE (closed or damaged)
  [0xc0aa0404, 'disc-full'], // E_IMAPI_DF2DATA_STREAM_TOO_LARGE_FOR_CURRENT_MEDIA
  [0xc0aa0405, 'not-blank'], // E_IMAPI_DF2DATA_MEDIA_NOT_BLANK
  [0xc0aa0406, 'wrong-medium'], // E_IMAPI_DF2DATA_MEDIA_IS_NOT_SUPPORTED
]);

/** Which failure an HRESULT (signed, as .NET reports it, or unsigned) stands for. */
export function imapi2Failure(hresult: number): BurnFailure {
  return FAILURES_BY_HRESULT.get(hresult >>> 0) ?? 'failed';
}

export function imapi2Error(hresult: number, message: string): BurnError {
  const code = `0x${(hresult >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
  return new BurnError(imapi2Failure(hresult), `IMAPI2 ${code}: ${message}`);
}

const errorLine = z.object({ hresult: z.number().int(), message: z.string() });
const mediaLine = z.union([
  z.object({ recorderSupported: z.literal(false) }),
  z.object({ physicalType: z.number().int(), supported: z.literal(false) }),
  z.object({ physicalType: z.number().int(), supported: z.literal(true), blank: z.boolean(), freeSectors: z.number().int().min(0) }),
  errorLine,
]);
type MediaLine = z.infer<typeof mediaLine>;
const driveLine = z.object({
  type: z.literal('drive'),
  id: z.string().min(1),
  vendor: z.string(),
  product: z.string(),
  paths: z.array(z.string()),
  media: mediaLine,
});
const scriptLine = z.discriminatedUnion('type', [
  driveLine,
  z.object({ type: z.literal('media'), media: mediaLine }),
  z.object({ type: z.literal('error'), hresult: z.number().int(), message: z.string() }),
  z.object({ type: z.literal('done') }),
]);
type ScriptLine = z.infer<typeof scriptLine>;

/** The JSON lines of a script's stdout; other lines (PROGRESS, PHASE) are skipped. */
export function imapi2Lines(stdout: string): ScriptLine[] {
  return stdout
    .split(/\r?\n/)
    .filter((line) => line.startsWith('{'))
    .map((line) => scriptLine.parse(JSON.parse(line)));
}

/** A script-level error line (no IMAPI2, no such drive), thrown as the BurnError it means. */
function throwScriptError(lines: readonly ScriptLine[]): void {
  for (const line of lines) if (line.type === 'error') throw imapi2Error(line.hresult, line.message);
}

/** null: the recorder cannot write discs at all (a reader), so it is no burner. */
function checkedMedia(line: MediaLine): CheckedMedia | null {
  if ('recorderSupported' in line) return null;
  // No disc: IMAPI2 fails with NO_MEDIA, or (some drives) reports an unknown, unsupported medium.
  if ('hresult' in line) {
    if (imapi2Failure(line.hresult) === 'no-disc') return { kind: 'none', blank: false, freeBytes: null, writable: false };
    throw imapi2Error(line.hresult, line.message);
  }
  if (!line.supported) {
    if (line.physicalType === 0) return { kind: 'none', blank: false, freeBytes: null, writable: false };
    return { kind: PHYSICAL_MEDIA_TYPES[line.physicalType] ?? `type ${line.physicalType}`, blank: false, freeBytes: null, writable: false };
  }
  const kind = PHYSICAL_MEDIA_TYPES[line.physicalType] ?? `type ${line.physicalType}`;
  return { kind, blank: line.blank, freeBytes: line.freeSectors * SECTOR_BYTES, writable: true };
}

/**
 * The burners the listing script found. `device` is the drive letter (`E:`) when the recorder has
 * one, else its IMAPI2 unique id; `burn` takes either.
 */
export function parseImapi2Drives(stdout: string): DriveInfo[] {
  const lines = imapi2Lines(stdout);
  throwScriptError(lines);
  const drives: DriveInfo[] = [];
  for (const line of lines) {
    if (line.type !== 'drive') continue;
    let media: CheckedMedia | null;
    try {
      media = checkedMedia(line.media);
    } catch {
      // One drive that cannot tell what it holds (busy, becoming ready) still belongs in the list.
      media = { kind: 'unreadable', blank: false, freeBytes: null, writable: false };
    }
    if (media === null) continue;
    const letter = line.paths.map((path) => /^([A-Za-z]:)\\?$/.exec(path)?.[1]).find((found) => found !== undefined);
    drives.push({
      device: letter?.toUpperCase() ?? line.id,
      vendor: line.vendor.trim() || null,
      model: line.product.trim() || null,
      media: { kind: media.kind, blank: media.blank, freeBytes: media.freeBytes },
    });
  }
  return drives;
}

/** The medium in the one drive the probe script looked at. */
export function parseImapi2Media(stdout: string, drive: string): CheckedMedia {
  const lines = imapi2Lines(stdout);
  throwScriptError(lines);
  const line = lines.find((candidate) => candidate.type === 'media');
  if (line === undefined) throw new BurnError('failed', `IMAPI2 printed no media state for ${drive}`);
  const media = checkedMedia(line.media);
  if (media === null) throw new BurnError('failed', `${drive} cannot write discs (IMAPI2 does not support it as a recorder)`);
  return media;
}

/** The end of the burn script: returns when it printed `done`, throws the error it printed. */
export function checkImapi2Burn(stdout: string): void {
  const lines = imapi2Lines(stdout);
  throwScriptError(lines);
  if (!lines.some((line) => line.type === 'done')) throw new BurnError('failed', 'the IMAPI2 burn script ended without saying it finished');
}

/** Bytes written, from one `PROGRESS <bytes>` line of the burn script; null for any other line. */
export function parseImapi2Progress(line: string): number | null {
  const match = /^PROGRESS (\d+)\s*$/.exec(line);
  return match === null ? null : Number(match[1]);
}

/**
 * The drive as the scripts compare it: a drive letter in any common spelling (`e`, `E:`, `E:\`)
 * becomes `E:`; anything else is taken as a recorder's unique id, unchanged.
 */
export function imapi2DriveSelector(drive: string): string {
  const letter = /^([A-Za-z])(?::\\?)?$/.exec(drive.trim());
  return letter === null ? drive.trim() : `${letter[1]!.toUpperCase()}:`;
}
