import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import type { VerificationMethod } from '../../contract/index.js';
import { createReadBackBuffers, syncDirectory, hashFromDisk, type ReadBackBuffers, hashSource, streamCopy, type CopyBuffers, partialSuffix } from '../archive/index.js';
import type { DiskLane } from './archive-disk-gate.js';
import type { SourceFile } from './scan-source.js';

/** The copy stage's result: bytes on the archive disk, not yet proved, not yet counted. */
export interface CopiedFile {
  file: SourceFile;
  partialPath: string;
  finalPath: string;
  sha256: string;
  bytes: number;
}

export interface VerifiedFile extends CopiedFile {
  verifiedSha256: string;
  verification: VerificationMethod;
}

export class VerificationMismatch extends Error {}

export class SourceChanged extends Error {
  constructor(listed: number, read: number) {
    super(`the file changed while it was read: listed with ${listed} bytes, ${read} read`);
  }
}

export interface CopyIo {
  buffers: CopyBuffers;
  onBytes: (bytes: number) => void;
  signal: AbortSignal;
  /**
   * The archive folders this ingest has made: each is made once, not asked for again at every file
   * (a trip to the I/O threads the card would wait for). Nothing else removes them while it runs.
   */
  folders: Set<string>;
}

/**
 * Stage 1, bound by the source's speed: read once, hash as the bytes pass, write `*.partial`.
 * `checkRoom` (whether the disk has room for it) runs while the files are opened.
 */
export async function copyToPartial(file: SourceFile, finalPath: string, io: CopyIo, checkRoom?: () => Promise<void>): Promise<CopiedFile> {
  const partialPath = finalPath + partialSuffix;
  const folder = dirname(finalPath);
  if (!io.folders.has(folder)) {
    await fs.mkdir(folder, { recursive: true });
    io.folders.add(folder);
  }
  try {
    const { sha256, bytes } = await streamCopy(file.absolute, partialPath, io.buffers, io.onBytes, io.signal, checkRoom);
    // A file that ends early or grows while it is read is not the file that was listed: never archive half of it.
    if (bytes !== file.size) throw new SourceChanged(file.size, bytes);
    return { file, partialPath, finalPath, sha256, bytes };
  } catch (error) {
    await fs.rm(partialPath, { force: true });
    throw error;
  }
}

export const hashOnly = (file: SourceFile, io: CopyIo) => hashSource(file.absolute, io.buffers, io.onBytes, io.signal);

/**
 * Stage 2, overlapping the next file's copy: fsync, read back from the disk and compare, keep the
 * source's times, make read-only, rename into place, fsync the folder. Only after this may the file
 * be counted as archived.
 *
 * Only the read-back waits for the ingest's turn at the disk gate (`lane`): it is the part bound by
 * the disk's bandwidth, and the gate keeps one ingest's read-backs in the order they were copied.
 * The fsyncs and the renaming mostly wait for the file system's journal, which commits the waits of
 * many files at once: holding a slot through them left the disk idle (a 2 MB photo held its slot
 * 58 ms, 22 of them reading), and a rack's verifications fell behind its cards.
 */
export async function verifyAndPlace(copied: CopiedFile, lane: DiskLane): Promise<VerifiedFile> {
  let placed = false;
  try {
    const handle = await fs.open(copied.partialPath, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    const readBack = await lane.run(copied.bytes, (verified) => withReadBackBuffers((buffers) => hashFromDisk(copied.partialPath, buffers, verified)));
    if (readBack.sha256 !== copied.sha256 || readBack.bytes !== copied.bytes) {
      throw new VerificationMismatch(
        `verification failed: the copy read back from disk (${readBack.bytes} bytes, ${readBack.sha256.slice(0, 12)}…) differs from what was read from the source`,
      );
    }
    await fs.utimes(copied.partialPath, new Date(copied.file.atimeMs), new Date(copied.file.mtimeMs));
    await fs.chmod(copied.partialPath, 0o444);
    await placeWithoutReplacing(copied.partialPath, copied.finalPath);
    placed = true;
    await syncDirectory(dirname(copied.finalPath));
    return { ...copied, verifiedSha256: readBack.sha256, verification: readBack.method };
  } catch (error) {
    // Nothing of ours that the index will not count stays in the bag.
    await fs.rm(placed ? copied.finalPath : copied.partialPath, { force: true });
    throw error;
  }
}

/**
 * Read-back buffers (8 MiB each, page-aligned) belong to the verifications running now, not to each
 * card: with sixteen cards copying, only the disk gate's few verifications read back at once, so the
 * station's memory follows the gate, not the rack (16 cards peaked at 477 MB with a pair per card).
 */
const idleReadBack: ReadBackBuffers[] = [];
let readBacksRunning = 0;
/**
 * Once no verification runs, the idle buffers are kept this long, then given back: long enough for
 * a card's next file (no new WebAssembly memory per file), while a busy hour's sixteen pairs are not
 * held for the rest of the day.
 */
const keepIdleReadBackMs = 5_000;
let dropIdleReadBack: NodeJS.Timeout | null = null;

async function withReadBackBuffers<T>(use: (buffers: ReadBackBuffers) => Promise<T>): Promise<T> {
  if (dropIdleReadBack !== null) clearTimeout(dropIdleReadBack);
  dropIdleReadBack = null;
  readBacksRunning += 1;
  const buffers = idleReadBack.pop() ?? createReadBackBuffers();
  try {
    return await use(buffers);
  } finally {
    readBacksRunning -= 1;
    idleReadBack.push(buffers);
    if (readBacksRunning === 0) {
      dropIdleReadBack = setTimeout(() => {
        dropIdleReadBack = null;
        idleReadBack.length = 0;
      }, keepIdleReadBackMs);
      // Giving memory back never keeps the station alive.
      dropIdleReadBack.unref();
    }
  }
}

/**
 * Puts the verified copy under its name, never over another file: on a case-insensitive archive disk
 * `A.MP4` and `a.mp4` from one card are one name, and a rename would silently replace evidence.
 * A hard link fails when the name is taken; where the file system has none, the name is checked first.
 */
async function placeWithoutReplacing(from: string, to: string): Promise<void> {
  try {
    await fs.link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new Error(`another archived file already has the name ${to}`);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    if (await fs.stat(to).then(() => true, () => false)) throw new Error(`another archived file already has the name ${to}`);
    await fs.rename(from, to);
    return;
  }
  await fs.unlink(from);
}

/** A copy the index will not count (duplicate content, or a failed commit) is ours to remove. */
export const discardCopy = (path: string) => fs.rm(path, { force: true });
