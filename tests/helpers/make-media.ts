import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** A short real H.264/AAC video made by ffmpeg; `seed` changes the picture so contents differ. */
export function makeVideo(path: string, options: { seconds?: number; seed?: number; creationTime?: string } = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  const { seconds = 1, seed = 0, creationTime } = options;
  execFileSync('ffmpeg', [
    '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc=duration=${seconds}:size=160x120:rate=15,hue=h=${seed * 37}`,
    '-f', 'lavfi', '-i', `sine=frequency=${300 + seed * 50}:duration=${seconds}`,
    ...(creationTime ? ['-metadata', `creation_time=${creationTime}`] : []),
    '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', path,
  ]);
}

/** Bytes from a seed, written a mebibyte at a time so big files never sit in memory. */
export function makeFile(path: string, bytes: number, seed = 1): void {
  mkdirSync(dirname(path), { recursive: true });
  const block = createHash('sha512').update(String(seed)).digest();
  const chunk = Buffer.alloc(1 << 20);
  for (let i = 0; i < chunk.length; i += block.length) block.copy(chunk, i);
  const fd = openSync(path, 'w');
  try {
    for (let written = 0, counter = 0; written < bytes; counter += 1) {
      chunk.writeUInt32LE(counter, 0);
      written += writeSync(fd, chunk, 0, Math.min(chunk.length, bytes - written));
    }
  } finally {
    closeSync(fd);
  }
}

export const sha256Of = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The SHA-256 of a file's first `bytes` bytes (what a disc copy holds of its image); a shorter file is an error. */
export function headSha256(file: string, bytes: number): string {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(1 << 20);
  try {
    for (let done = 0; done < bytes; ) {
      const read = readSync(fd, buffer, 0, Math.min(buffer.length, bytes - done), done);
      if (read === 0) throw new Error(`${file} ends at ${done}`);
      hash.update(buffer.subarray(0, read));
      done += read;
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
