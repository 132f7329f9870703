import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { openSourceReadOnly } from '../archive/index.js';
import type { DeviceProfile } from './device-profiles.js';

/** What an identity file on a device said. */
export interface IdentityFileReading {
  profileId: number;
  file: string;
  value: string;
}

/** A serial is short; a longer line is some other file that happens to have the name. */
const maxValueLength = 64;
const maxReadBytes = 4096;

/** The serial in an identity file's text: the pattern's first group (or whole match), else the first non-empty line. */
export function identityValue(content: string, serialPattern: string | null): string | null {
  const text = content.replace(/^\uFEFF/, '');
  let value: string | undefined;
  if (serialPattern === null) {
    value = text.split(/\r?\n/).find((line) => line.trim() !== '');
  } else {
    const match = new RegExp(serialPattern, 'm').exec(text);
    value = match?.[1] ?? match?.[0];
  }
  const trimmed = value?.trim() ?? '';
  return trimmed === '' || trimmed.length > maxValueLength ? null : trimmed;
}

/** Opened as evidence is: read-only, no link followed, access time untouched where allowed. */
async function readHead(path: string): Promise<string | null> {
  let handle: FileHandle;
  try {
    handle = await openSourceReadOnly(path);
  } catch {
    return null;
  }
  try {
    // Only the head: an identity file is small, and anything longer is not one.
    const buffer = Buffer.alloc(maxReadBytes);
    const { bytesRead } = await handle.read(buffer, 0, maxReadBytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/** Every profile's identity file that exists on the volume, with the serial it carries. */
export async function readIdentityFiles(mountpoint: string, profiles: readonly DeviceProfile[]): Promise<IdentityFileReading[]> {
  const readings: IdentityFileReading[] = [];
  const seen = new Map<string, string | null>();
  for (const profile of profiles) {
    const path = join(mountpoint, ...profile.identityFile.split('/'));
    if (!seen.has(path)) seen.set(path, await readHead(path));
    const content = seen.get(path);
    if (content === null || content === undefined) continue;
    const value = identityValue(content, profile.serialPattern);
    if (value !== null) readings.push({ profileId: profile.id, file: profile.identityFile, value });
  }
  return readings;
}
