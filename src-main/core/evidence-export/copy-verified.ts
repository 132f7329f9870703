import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StationError } from '../errors.js';

/**
 * Copies an archived file byte for byte, hashing what is read on the way: the copy is handed out
 * only if those bytes are the ones the index recorded. The source is opened read-only.
 */
export async function copyVerified(source: string, target: string, expectedSha256: string): Promise<number> {
  await mkdir(dirname(target), { recursive: true });
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(createReadStream(source, { flags: 'r' }), tap, createWriteStream(target, { flags: 'wx' }));
  const actual = hash.digest('hex');
  if (actual !== expectedSha256) {
    throw new StationError('internal', `${source} does not match the index (SHA-256 ${actual}, recorded ${expectedSha256}): the export is stopped, the archive left as it is`);
  }
  return bytes;
}
