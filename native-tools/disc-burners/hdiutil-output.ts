// What drutil and hdiutil print on macOS, read back. Pure functions, tested on Linux with outputs
// written from the drutil(1) and hdiutil(1) manual pages and published transcripts (they are not
// recordings of a drive). drutil's text output is meant for people; its layout is the one macOS
// has printed since 10.4, and a line it cannot read leaves the value unknown rather than guessed.
import { BurnError, type BurnFailure } from './burner.js';
import type { CheckedMedia } from './refuse-before-writing.js';

const BLOCK_BYTES = 2048;

export interface DrutilDrive {
  /** drutil's 1-based drive number: what `-drive` takes and what the station calls the device. */
  index: number;
  vendor: string | null;
  product: string | null;
}

/**
 * `drutil list`: a header (Vendor Product Rev Bus SupportLevel) and one numbered row a drive.
 * The columns are fixed-width and product names hold spaces, so rows are cut where the header's
 * column names start.
 */
export function parseDrutilList(stdout: string): DrutilDrive[] {
  const lines = stdout.split(/\r?\n/);
  const header = lines.find((line) => /\bVendor\b.*\bProduct\b/.test(line));
  if (header === undefined) return [];
  const vendorAt = header.indexOf('Vendor');
  const productAt = header.indexOf('Product');
  const revAt = header.indexOf('Rev');
  const cell = (row: string, from: number, to: number) => row.slice(from, to < 0 ? undefined : to).trim() || null;
  const drives: DrutilDrive[] = [];
  for (const row of lines) {
    const number = /^\s*(\d+)\s/.exec(row);
    if (number === null) continue;
    drives.push({ index: Number(number[1]), vendor: cell(row, vendorAt, productAt), product: cell(row, productAt, revAt) });
  }
  return drives;
}

/** `drutil status -drive N`: the medium's type, whether it is blank and its free blocks (×2048). */
export function parseDrutilStatus(stdout: string): CheckedMedia {
  const type = /^\s*Type:\s*(.+?)(?:\s{2,}Name:.*)?\s*$/m.exec(stdout)?.[1];
  if (type === undefined || /no media/i.test(type)) return { kind: 'none', blank: false, freeBytes: null, writable: false };
  const freeBlocks = /^\s*Space Free:.*?blocks:\s*(\d+)/m.exec(stdout)?.[1];
  const writability = (/^\s*Writability:\s*(.*)$/m.exec(stdout)?.[1] ?? '').split(',').map((word) => word.trim());
  return {
    kind: type,
    blank: writability.includes('blank'),
    freeBytes: freeBlocks === undefined ? null : Number(freeBlocks) * BLOCK_BYTES,
    // Pressed discs (CD-ROM, DVD-ROM, BD-ROM) can never be written; every recordable kind can when blank.
    writable: !/ROM$/i.test(type),
  };
}

/**
 * `hdiutil burn -list`: one device path a line, suitable for `-device`. The station's device is
 * drutil's drive number; both tools list the DiscRecording framework's devices, taken here to be
 * in the same order. Refused when the two lists disagree in length rather than guessing.
 */
export function hdiutilDevice(listStdout: string, drive: DrutilDrive, driveCount: number): string {
  const devices = listStdout
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('IOService:'));
  const device = devices[drive.index - 1];
  if (devices.length !== driveCount || device === undefined) {
    throw new BurnError('failed', `hdiutil lists ${devices.length} burners and drutil ${driveCount}: cannot tell which one is drive ${drive.index}`);
  }
  return device;
}

export type PuppetLine = { percent: number } | { message: string };

/** One `-puppetstrings` line: `PERCENT:12.5` (-1: cannot tell yet) or `MESSAGE:Writing track`. */
export function parsePuppetLine(line: string): PuppetLine | null {
  const percent = /^PERCENT:(-?\d+(?:\.\d+)?)\s*$/.exec(line);
  if (percent !== null) return { percent: Number(percent[1]) };
  const message = /^MESSAGE:(.*)$/.exec(line);
  return message === null ? null : { message: message[1]!.trim() };
}

/**
 * Turns hdiutil's progress lines into bytes written. The percentage counts while writing; once
 * hdiutil says it verifies, the whole image has been written. Bytes only ever grow.
 */
export function hdiutilProgress(totalBytes: number, onBytes: (bytes: number) => void): (line: string) => void {
  let reported = -1;
  let verifying = false;
  const report = (bytes: number) => {
    if (bytes <= reported) return;
    reported = bytes;
    onBytes(bytes);
  };
  return (line) => {
    const parsed = parsePuppetLine(line);
    if (parsed === null) return;
    if ('message' in parsed) {
      if (/verif/i.test(parsed.message)) {
        verifying = true;
        report(totalBytes);
      }
      return;
    }
    if (verifying || parsed.percent < 0) return;
    report(Math.min(totalBytes, Math.round((Math.min(parsed.percent, 100) / 100) * totalBytes)));
  };
}

// hdiutil prints its errors in English (`hdiutil: burn failed - …`) unless the account's language
// is another; an unrecognised text stays `failed` and its words reach the person unchanged.
const FAILURE_PATTERNS: readonly [RegExp, BurnFailure][] = [
  [/tray is open|door is open|tray open/i, 'tray-open'],
  [/no media|media is not present|no disc|insert a (blank )?(disc|media)/i, 'no-disc'],
  [/not blank|isn't blank|must be erased/i, 'not-blank'],
  [/not enough (space|room)|insufficient space|too (large|big)|does ?n[o']t fit|media is full/i, 'disc-full'],
  [/not supported|unsupported|not writable|cannot be written|can't be written|incompatible|not of the appropriate type/i, 'wrong-medium'],
  [/cancel/i, 'cancelled'],
];

export function hdiutilFailure(text: string): BurnFailure {
  return FAILURE_PATTERNS.find(([pattern]) => pattern.test(text))?.[1] ?? 'failed';
}
