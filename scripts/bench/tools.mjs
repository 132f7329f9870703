// Small shared pieces of the benchmark: sizes, running a command, making recorder-like files.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { dropCaches } from '../../tests/helpers/exfat-volume.ts';

export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;
export const seconds = (ms) => (ms / 1000).toFixed(1);
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** Decimal MB/s, as card and disk makers state speeds. */
export const mbPerSecond = (bytes, ms) => bytes / 1e6 / (ms / 1000);

/** `dir` emptied of an earlier round's copy (and the caches dropped, with cold reads): a contender's fresh target. */
export async function fresh(dir, coldReads) {
  await rm(dir, { recursive: true, force: true });
  if (coldReads) await dropCaches();
  return dir;
}

/** Runs a command to its end, collecting its output; never throws for a non-zero exit. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Like run, but a non-zero exit is an error. */
export async function mustRun(command, args, options = {}) {
  const result = await run(command, args, options);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.code}: ${result.stderr.slice(0, 500)}`);
  return result;
}

/** Random bytes (a recorder's video does not compress), hashed as they are written. */
export async function writeRandom(path, bytes) {
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path, { flags: 'wx' });
  const hash = createHash('sha256');
  for (let left = bytes; left > 0; ) {
    const chunk = randomBytes(Math.min(left, 4 * MiB));
    hash.update(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
    left -= chunk.length;
  }
  out.end();
  await once(out, 'close');
  return hash.digest('hex');
}

export async function hashFile(path) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 4 * MiB })) hash.update(chunk);
  return hash.digest('hex');
}

