// The Linux disc burner: xorriso (libburn) for optical drives and for `stdio:PATH`, xorriso's
// file-as-drive (a file, or a block device such as a loop device of exact disc size). Every run
// goes through the station's runner; this file only builds arguments and reads xorriso's words.
import { BurnError, type BurnFailure, type DiscBurner, type DriveInfo, type DriveMedia, type RunTool } from './burner.js';
import { refuseBeforeWriting } from './refuse-before-writing.js';

const blockBytes = 2048;
const inquiryTimeoutMs = 2 * 60 * 1000;
// The slowest burn: a CD at 1x is about 150 kB/s; allow 1 MB/s worst case plus spin-up and closing.
const burnTimeoutMs = (bytes: number): number => 30 * 60 * 1000 + bytes / 1000;

/** The output a failed run carried (the station's ToolError keeps stdout and stderr). */
function outputOf(error: unknown): string {
  const { stdout, stderr, message } = error as { stdout?: unknown; stderr?: unknown; message?: unknown };
  return [stdout, stderr, message].filter((part): part is string => typeof part === 'string').join('\n');
}

// libburn's and xorriso's words for what went wrong, most specific first.
const failureWords: readonly [BurnFailure, RegExp][] = [
  ['tray-open', /tray (is )?open|medium not present - tray open/i],
  ['no-disc', /no media (detected|present)|medium not present|media current: is not present|no medium/i],
  ['disc-full', /exceeds free space|larger than free space|not enough (free )?space|no space left|media full/i],
  ['wrong-medium', /closed or not recordable|no writeable media|closed media|unsuitable media|not writeable|read-only|is not recordable|-ROM\b/i],
  ['not-blank', /not blank|needs? blank/i],
];

function failureIn(text: string): BurnFailure {
  return failureWords.find(([, words]) => words.test(text))?.[0] ?? 'failed';
}

/** Throws BurnError for the drive's words, keeping the last lines of what xorriso said. */
function burnErrorOf(error: unknown, signal?: AbortSignal): BurnError {
  if (error instanceof BurnError) return error;
  if (signal?.aborted) return new BurnError('cancelled', 'the burn was cancelled');
  const text = outputOf(error);
  const said = text.split('\n').filter((line) => /FAILURE|SORRY|FATAL|ABORT/.test(line)).slice(-3).join(' / ');
  return new BurnError(failureIn(text), said || (error instanceof Error ? error.message : String(error)));
}

function checkDrive(drive: string): void {
  if (!/^(stdio:)?\/\S/.test(drive) || drive.includes('\0')) throw new BurnError('failed', `not a drive: ${JSON.stringify(drive)} (use /dev/… or stdio:/path)`);
}

/** Reads `-toc -tell_media_space` output. A regular stdio file reports its file system's free space. */
function parseMedia(text: string): DriveMedia {
  const current = /^Media current:\s*(.+)$/m.exec(text)?.[1]?.trim() ?? '';
  if (current === '' || /not present|no media/i.test(current)) throw new BurnError(failureIn(text) === 'tray-open' ? 'tray-open' : 'no-disc', 'no disc in the drive');
  const writable = /^Media blocks\s*:.*?(\d+)\s+writable/m.exec(text);
  return {
    // "stdio file, overwriteable" / "DVD+R": the profile, without the drive's remarks.
    kind: current.split(',')[0]!.trim(),
    blank: /^Media status\s*:\s*is blank/m.test(text),
    freeBytes: writable ? Number(writable[1]) * blockBytes : null,
  };
}

async function media(run: RunTool, drive: string, signal?: AbortSignal): Promise<DriveMedia> {
  checkDrive(drive);
  try {
    const { stdout, stderr } = await run('xorriso', ['-outdev', drive, '-toc', '-tell_media_space'], { timeoutMs: inquiryTimeoutMs, signal, name: 'xorriso' });
    return parseMedia(`${stdout}\n${stderr}`);
  } catch (error) {
    throw burnErrorOf(error, signal);
  }
}

// "0  -dev '/dev/sr0' rwrw-- :  'HL-DT-ST' 'DVDRAM GH24NSD1'"
const deviceLine = /^\s*\d+\s+-dev\s+'([^']+)'\s+\S+\s*:\s*'([^']*)'\s*'([^']*)'/;

async function drives(run: RunTool, signal?: AbortSignal): Promise<DriveInfo[]> {
  let text: string;
  try {
    const { stdout, stderr } = await run('xorriso', ['-devices'], { timeoutMs: inquiryTimeoutMs, signal, name: 'xorriso' });
    text = `${stdout}\n${stderr}`;
  } catch (error) {
    // "SORRY : No drives found" ends xorriso with exit 32: no drive is an answer, not a failure.
    if (!signal?.aborted && /No drives found/.test(outputOf(error))) return [];
    throw burnErrorOf(error, signal);
  }
  const found: DriveInfo[] = [];
  for (const line of text.split('\n')) {
    const match = deviceLine.exec(line);
    if (!match) continue;
    const [, device, vendor, model] = match as unknown as [string, string, string, string];
    // An empty drive or an open tray is still a drive to list.
    const state = await media(run, device, signal).catch((error: unknown) => {
      if (error instanceof BurnError && (error.failure === 'no-disc' || error.failure === 'tray-open')) return { kind: 'none', blank: false, freeBytes: null };
      throw error;
    });
    found.push({ device, vendor: vendor.trim() || null, model: model.trim() || null, media: state });
  }
  return found;
}

// "xorriso : UPDATE :  127 of  315 MB written (fifo 99%) [buf  50%]  58.3x." — MB meaning MiB.
const progressLine = /(\d+)\s+of\s+\d+\s+MB written/;

async function burn(run: RunTool, { image, bytes, drive, signal, onBytes }: Parameters<DiscBurner['burn']>[1]): Promise<void> {
  if (!image.startsWith('/')) throw new BurnError('failed', `image path must be absolute: ${image}`);
  const medium = await media(run, drive, signal);
  // A pressed disc (…-ROM) or a closed one (not blank, nothing free) cannot be written at all.
  const closed = !medium.blank && medium.freeBytes === 0;
  refuseBeforeWriting({ ...medium, writable: !/ROM\b/.test(medium.kind) && !closed }, bytes, drive);
  try {
    // Disc-at-once, one closed session. -nopad: xorriso's images already end in 300 KiB of padding,
    // and without more the copy is exactly the image, which also fits a medium of exact size.
    // fs=64m: with the default 4 MiB fifo a stdio drive was written at 76 MB/s; 64 MiB keeps the
    // writer fed (a DVD-sized copy in seconds, not a minute) and guards a real drive against underruns.
    await run('xorriso', ['-as', 'cdrecord', '-v', `dev=${drive}`, '-dao', '-nopad', 'fs=64m', image], {
      timeoutMs: burnTimeoutMs(bytes),
      signal,
      name: 'xorriso',
      onLine: (line) => {
        const written = progressLine.exec(line);
        if (written) onBytes?.(Math.min(bytes, Number(written[1]) * 1024 * 1024));
      },
    });
  } catch (error) {
    throw burnErrorOf(error, signal);
  }
  onBytes?.(bytes);
}

export const xorrisoBurner: DiscBurner = { name: 'xorriso', drives, media, burn };
