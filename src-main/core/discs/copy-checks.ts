// The three checks a burned copy must pass before it counts as verified (issue 10, Art. 16): the
// image read back whole, xorriso's recorded MD5s, and every file against MANIFEST.sha256 — the
// last two read the disc's own file tree, so a copy is judged by what is on it, not by the image.
import { createHash } from 'node:crypto';
import { openDiskReader, type ByteRange, type DiskReader } from '../archive/index.js';
import { runTool, ToolError } from '../process/index.js';
import { devicePathOf } from './drive-path.js';
import { unquoteWord } from './xorriso-words.js';

// An optical disc's sector. Reads of the device are rounded up to it, not to a larger block: a disc
// burned disc-at-once ends at the image's last sector, and a read past it gets EIO from the drive,
// not a short read. (512-byte devices and files on them take it too; a 4096-byte-sector disk as the
// drive would not.)
const blockBytes = 2048;
// Reading a disc's tree or MD5s of a full BD-R DL at a drive's slowest speed; an abort ends it sooner.
const readTimeoutMs = 6 * 60 * 60 * 1000;

export interface ReadOptions {
  signal?: AbortSignal;
  /** Bytes read from the device so far. */
  onBytes?: (bytesRead: number) => void;
}

export interface CheckResult {
  ok: boolean;
  /** What failed, one line each, naming the file where there is one. */
  problems: string[];
}

export interface FileExtents {
  /** Relative to the disc root, as in MANIFEST.sha256 (no leading slash). */
  path: string;
  size: number;
  /** In file order; files over 4 GiB have several. */
  extents: { lba: number; blocks: number }[];
}

function counter(onBytes?: (bytesRead: number) => void): (bytes: number) => void {
  let total = 0;
  return (bytes) => {
    total += bytes;
    onBytes?.(total);
  };
}

/**
 * Opens the drive's device once for `use`, and closes it however `use` ends. Read past the page
 * cache: a check that read what the burn just left in memory would prove nothing about the disc.
 */
async function withDevice<T>(drive: string, use: (device: DiskReader) => Promise<T>): Promise<T> {
  const device = await openDiskReader(devicePathOf(drive), { alignment: blockBytes });
  try {
    return await use(device);
  } finally {
    await device.close();
  }
}

async function sha256Of(device: DiskReader, ranges: readonly ByteRange[], count: (bytes: number) => void, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  await device.hashRanges(ranges, hash, count, signal);
  return hash.digest('hex');
}

/** SHA-256 of the first `bytes` of the drive's medium, read uncached; throws if the medium is shorter. */
export async function readBackSha256(drive: string, bytes: number, { signal, onBytes }: ReadOptions = {}): Promise<string> {
  return withDevice(drive, (device) => sha256Of(device, [{ start: 0, length: bytes }], counter(onBytes), signal));
}

/** A failed xorriso run still printed what it found; only a run that did not end by itself is an error. */
async function xorrisoOutput(args: readonly string[], signal?: AbortSignal): Promise<{ text: string; exitCode: number }> {
  try {
    const { stdout, stderr } = await runTool('xorriso', args, { timeoutMs: readTimeoutMs, signal, maxStdoutBytes: 256 * 1024 * 1024 });
    return { text: `${stdout}\n${stderr}`, exitCode: 0 };
  } catch (error) {
    if (error instanceof ToolError && error.code !== null) return { text: `${error.stdout}\n${error.stderr}`, exitCode: error.code };
    throw error;
  }
}

/** `-check_md5_r` over every file. A disc without recorded MD5s fails: it proves nothing. */
export async function checkMd5(drive: string, signal?: AbortSignal): Promise<CheckResult> {
  devicePathOf(drive);
  // `-md5 on` must come before -indev, or the MD5 array is not loaded with the tree.
  const args = ['-backslash_codes', 'encode_output', '-md5', 'on', '-indev', drive, '-check_md5_r', 'FAILURE', '/', '--'];
  const { text, exitCode } = await xorrisoOutput(args, signal);
  const problems = text
    .split('\n')
    .filter((line) => /MD5 MISMATCH|Not a single file with MD5|no MD5|Mismatch detected|Cannot|FAILURE :|SORRY :/i.test(line))
    .filter((line) => !/aborting : -abort_on|Event triggered by MD5/.test(line))
    .map((line) => {
      const mismatch = /MD5 MISMATCH: (.*)$/.exec(line);
      return mismatch ? `MD5 mismatch: ${unquoteWord(mismatch[1]!)}` : line.trim();
    });
  const matched = text.includes('File contents and their MD5 checksums match.');
  if (!matched && problems.length === 0) problems.push(`xorriso -check_md5_r did not confirm the MD5s (exit ${exitCode})`);
  return { ok: exitCode === 0 && matched && problems.length === 0, problems };
}

// "File data lba:  0 ,       65 ,     1465 ,  3000000 , '/data/b.bin'": extent no., start, blocks, file size, path.
const lbaLine = /^File data lba:\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(.+)$/;

/** Where every file's data lies on the disc, from xorriso's `report_lba`. */
export async function fileExtents(drive: string, signal?: AbortSignal): Promise<FileExtents[]> {
  devicePathOf(drive);
  const args = ['-backslash_codes', 'encode_output', '-indev', drive, '-find', '/', '-type', 'f', '-exec', 'report_lba', '--'];
  const { stdout } = await runTool('xorriso', args, { timeoutMs: readTimeoutMs, signal, maxStdoutBytes: 256 * 1024 * 1024 });
  const files = new Map<string, FileExtents>();
  for (const line of stdout.split('\n')) {
    const match = lbaLine.exec(line);
    if (!match) continue;
    const path = unquoteWord(match[5]!).replace(/^\/+/, '');
    const file = files.get(path) ?? { path, size: Number(match[4]), extents: [] };
    file.extents[Number(match[1])] = { lba: Number(match[2]), blocks: Number(match[3]) };
    files.set(path, file);
  }
  return [...files.values()];
}

/** The byte ranges holding a file's `size` bytes: whole blocks of each extent, the last one cut short. */
function rangesOf({ size, extents }: FileExtents): ByteRange[] {
  const ranges: ByteRange[] = [];
  let left = size;
  for (const { lba, blocks } of extents) {
    const length = Math.min(blocks * blockBytes, left);
    if (length > 0) ranges.push({ start: lba * blockBytes, length });
    left -= length;
  }
  return ranges;
}

/**
 * Every file named in the manifest, read straight from the device by its extents and hashed.
 * Files on the disc the manifest does not name (the manifest itself, the label) are no problem.
 */
export async function checkManifest(drive: string, manifest: readonly { path: string; sha256: string }[], { signal, onBytes }: ReadOptions = {}): Promise<CheckResult> {
  const onDisc = new Map((await fileExtents(drive, signal)).map((file) => [file.path, file]));
  const count = counter(onBytes);
  const problems: string[] = [];
  await withDevice(drive, async (device) => {
    for (const entry of manifest) {
      const path = entry.path.replace(/^(\.\/|\/)+/, '');
      const file = onDisc.get(path);
      if (!file) problems.push(`missing: ${path}`);
      else if ((await sha256Of(device, rangesOf(file), count, signal)) !== entry.sha256.toLowerCase()) problems.push(`SHA-256 mismatch: ${path}`);
    }
  });
  return { ok: problems.length === 0, problems };
}
