import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { StationError } from '../errors.js';
import { buildImage } from './build-image.js';
import type { DiscContents } from './disc-contents.js';
import { discFolder } from './disc-contents.js';
import type { DiscRow } from './disc-store.js';

export const imagePath = (dataDir: string, discId: string): string => join(discFolder(dataDir, discId), 'image.iso');

export interface DiscImage {
  path: string;
  sha256: string;
  bytes: number;
  /** True when it was built now (its hash is then recorded), false when the one built before was still there. */
  built: boolean;
}

export interface ImageOptions {
  signal?: AbortSignal;
  onBytes?: (bytes: number) => void;
}

/**
 * The disc's one image. Built once; both copies are burned from it. Once both copies are verified
 * the image is let go (the archive holds the originals and the staged files are kept), and
 * rebuilt on demand: it must then come out bit for bit as recorded, or nothing is burned.
 */
export async function ensureImage(dataDir: string, disc: DiscRow, contents: () => Promise<DiscContents>, options: ImageOptions): Promise<DiscImage> {
  const path = imagePath(dataDir, disc.id);
  const existing = await stat(path).catch(() => null);
  if (existing !== null && disc.image_sha256 !== null && existing.size === disc.image_bytes) {
    return { path, sha256: disc.image_sha256, bytes: existing.size, built: false };
  }
  await rm(path, { force: true });
  const partial = `${path}.partial`;
  await rm(partial, { force: true });
  const { entries } = await contents();
  const made = await buildImage({ entries, volumeId: disc.volume_id, epochSeconds: disc.image_epoch, out: partial, signal: options.signal, onBytes: options.onBytes });
  if (disc.image_sha256 !== null && made.sha256 !== disc.image_sha256) {
    await rm(partial, { force: true });
    throw new StationError(
      'internal',
      `disc ${disc.id}: the image built again (${made.sha256}) is not the one burned before (${disc.image_sha256}); an archived file or a staged file of the disc has changed — run \`station verify\``,
    );
  }
  await rename(partial, path);
  return { path, sha256: made.sha256, bytes: made.bytes, built: true };
}

/** Lets the working image go once every copy holds it; a later copy rebuilds it. */
export const dropImage = (dataDir: string, discId: string): Promise<void> => rm(imagePath(dataDir, discId), { force: true });
