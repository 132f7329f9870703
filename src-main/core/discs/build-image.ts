// Builds a disc's one image (issue 10): both copies are burned from it, so it is built once and
// reproducibly — the same entries and epoch give the same bytes.
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, posix } from 'node:path';
import { sha256Of } from '../archive/index.js';
import { StationError } from '../errors.js';
import { runTool } from '../process/index.js';
import { quoteWord } from './xorriso-words.js';

export interface ImageEntry {
  /** Absolute path of the file to put on the disc. */
  source: string;
  /** Its '/'-separated path on the disc, without a leading slash. */
  path: string;
}

export interface BuildImageRequest {
  entries: readonly ImageEntry[];
  /** ISO 9660 volume id: 1–32 printable ASCII characters; [A-Z0-9_] is what every reader shows as is. */
  volumeId: string;
  /** Every date in the image (SOURCE_DATE_EPOCH), so a rebuild is bit for bit the same. */
  epochSeconds: number;
  /** The image file to create; it must not exist yet. */
  out: string;
  signal?: AbortSignal;
  onBytes?: (bytesWritten: number) => void;
}

// A disc of up to 50 GB written to a slow station disk; an abort ends it sooner.
const buildTimeoutMs = 6 * 60 * 60 * 1000;
// "xorriso : UPDATE : Writing:      14438s    8.9%   fifo ..." counts 2048-byte sectors.
const writingLine = /Writing:\s+(\d+)s\b/;

function checkRequest({ entries, volumeId, epochSeconds, out }: BuildImageRequest): void {
  const invalid = (message: string): never => {
    throw new StationError('invalid-input', message);
  };
  if (!/^[\x20-\x7e]{1,32}$/.test(volumeId)) invalid(`volume id must be 1–32 printable ASCII characters: ${JSON.stringify(volumeId)}`);
  if (!Number.isSafeInteger(epochSeconds) || epochSeconds < 0) invalid(`epoch must be whole seconds since 1970: ${epochSeconds}`);
  if (!isAbsolute(out)) invalid(`image path must be absolute: ${out}`);
  if (entries.length === 0) invalid('an image needs at least one file');
  const seen = new Set<string>();
  for (const { source, path } of entries) {
    if (!isAbsolute(source)) invalid(`source must be an absolute path: ${source}`);
    const parts = path.split('/');
    if (path.includes('\0') || parts.some((part) => part === '' || part === '.' || part === '..')) invalid(`not a disc path: ${JSON.stringify(path)}`);
    if (seen.has(path)) invalid(`two files for one disc path: ${path}`);
    seen.add(path);
  }
}

/**
 * What the disc records besides the bytes is made the same on every build: SOURCE_DATE_EPOCH fixes
 * the volume's dates but not the files' own, and a folder xorriso makes on the way to a file takes
 * the time it was made, a file its atime (changed by reading it) and its ctime. So folders and
 * every file's access and change times get the epoch, modes are read-only and owners root. A
 * file's modification time, the recorder's own, is kept.
 */
function sameEveryTime(epochSeconds: number): string[] {
  const at = `=${epochSeconds}`;
  return [
    '-find / -type d -exec chmod 0555 --',
    '-find / -type f -exec chmod 0444 --',
    '-find / -exec chown 0 --',
    '-find / -exec chgrp 0 --',
    `-find / -type d -exec alter_date b ${at} --`,
    `-find / -type f -exec alter_date a ${at} --`,
    // Last: every change above counts as an attribute change.
    `-find / -exec alter_date c ${at} --`,
  ];
}

/**
 * ISO 9660 level 3 (files over 4 GiB) with Rock Ridge and Joliet (Chinese names) and an MD5 per
 * file (`-md5 on`, checked later by `-check_md5_r`). Returns the image's size and SHA-256; a
 * build that fails or is aborted leaves no image behind.
 */
export async function buildImage(request: BuildImageRequest): Promise<{ bytes: number; sha256: string }> {
  checkRequest(request);
  const { entries, volumeId, epochSeconds, out, signal, onBytes } = request;
  // An existing file would be taken as a medium to add a session to, not replaced.
  if (await stat(out).then(() => true, () => false)) throw new StationError('invalid-input', `image already exists: ${out}`);

  const work = await mkdtemp(join(tmpdir(), 'station-image-'));
  let built = false;
  try {
    // The file list goes in an options file: thousands of pairs would overflow a command line.
    const commands = [
      `-volid ${quoteWord(volumeId)}`,
      ...entries.map(({ source, path }) => `-map ${quoteWord(source)} ${quoteWord(posix.join('/', path))}`),
      ...sameEveryTime(epochSeconds),
    ];
    const optionsFile = join(work, 'map.xorriso');
    await writeFile(optionsFile, `${commands.join('\n')}\n`, { mode: 0o600 });
    await runTool(
      'xorriso',
      [
        ...['-report_about', 'UPDATE', '-abort_on', 'SORRY', '-pacifier', 'interval=0.5'],
        ...['-backslash_codes', 'in_double_quotes', '-outdev', `stdio:${out}`],
        ...['-compliance', 'iso_9660_level=3', '-rockridge', 'on', '-joliet', 'on', '-md5', 'on'],
        ...['-options_from_file', optionsFile, '-commit'],
      ],
      {
        timeoutMs: buildTimeoutMs,
        signal,
        env: { ...process.env, SOURCE_DATE_EPOCH: String(epochSeconds) },
        onLine: (line) => {
          const written = writingLine.exec(line);
          if (written) onBytes?.(Number(written[1]) * 2048);
        },
      },
    );
    const bytes = (await stat(out)).size;
    const sha256 = await sha256Of(out);
    onBytes?.(bytes);
    built = true;
    return { bytes, sha256 };
  } finally {
    await rm(work, { recursive: true, force: true });
    if (!built) await rm(out, { force: true });
  }
}
