import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ByteRange } from './http-range.js';

export interface OpenFile {
  handle: FileHandle;
  /** Measured on the open file, so the bytes promised in headers are the bytes that exist. */
  size: number;
}

/** Opens a regular file for reading, or null when it is missing or not a file. */
export async function openRegularFile(filePath: string): Promise<OpenFile | null> {
  let handle: FileHandle;
  try {
    handle = await open(filePath, 'r');
  } catch {
    return null;
  }
  const stats = await handle.stat();
  if (!stats.isFile()) {
    await handle.close();
    return null;
  }
  return { handle, size: stats.size };
}

/** Streams the given bytes and closes the file when done; never holds the file in memory. */
export function streamFile(file: OpenFile, range: ByteRange | null): Readable {
  if (range === null) {
    void file.handle.close();
    return Readable.from([]);
  }
  return file.handle.createReadStream({ start: range.start, end: range.end, autoClose: true });
}
