import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { writeFileDurably } from './durable-fs.js';
import { filesUnder } from './walk-files.js';

/** RFC 8493 §2.2.1: the tag manifest, which protects bagit.txt, bag-info.txt and the payload manifest. */
export const tagManifestName = 'tagmanifest-sha256.txt';

export interface TagProblem {
  /** Absolute path of the tag file. */
  path: string;
  problem: 'missing' | 'altered' | 'unknown';
}

/** Tag files are every file of the bag outside data/, except the tag manifests themselves (§2.2.1). */
async function tagFiles(bagDir: string): Promise<string[]> {
  const found: string[] = [];
  for await (const file of filesUnder(bagDir)) {
    const path = relative(bagDir, file).split(sep).join('/');
    if (path.startsWith('data/') || /^tagmanifest-[a-z0-9]+\.txt$/.test(path) || path.endsWith('.writing')) continue;
    found.push(path);
  }
  return found.sort();
}

/** A whole file's SHA-256, streamed: also used for disc images of many gigabytes. */
export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** Written last, after every other tag file, and again whenever a tag file is added or rewritten. */
export async function writeTagManifest(bagDir: string): Promise<void> {
  const lines: string[] = [];
  for (const path of await tagFiles(bagDir)) lines.push(`${await sha256Of(join(bagDir, path))}  ${path}\n`);
  await writeFileDurably(join(bagDir, tagManifestName), lines.join(''));
}

/** Each tag file against the tag manifest: changed, gone, or added behind its back. */
export async function checkTagManifest(bagDir: string): Promise<TagProblem[]> {
  let text: string;
  try {
    text = await fs.readFile(join(bagDir, tagManifestName), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return [{ path: join(bagDir, tagManifestName), problem: 'missing' }];
  }
  const listed = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([0-9a-f]{64})\s+\*?(.+)$/.exec(line);
    if (match?.[1] && match[2]) listed.set(match[2], match[1]);
  }
  const problems: TagProblem[] = [];
  for (const [path, expected] of listed) {
    const absolute = join(bagDir, path);
    try {
      if ((await sha256Of(absolute)) !== expected) problems.push({ path: absolute, problem: 'altered' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      problems.push({ path: absolute, problem: 'missing' });
    }
  }
  for (const path of await tagFiles(bagDir)) {
    if (!listed.has(path)) problems.push({ path: join(bagDir, path), problem: 'unknown' });
  }
  return problems;
}
