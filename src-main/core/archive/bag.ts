import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurably } from './durable-fs.js';
import { writeTagManifest } from './tag-manifest.js';

export interface BagEntry {
  sha256: string;
  /** Path relative to the bag's data/ folder, '/'-separated. */
  path: string;
  size: number;
}

export interface BagInfo {
  sourceOrganization: string;
  externalIdentifier: string;
  sourcePath: string;
  sourceDevice: string | null;
  station: string;
  operator: string;
  started: string;
  finished: string | null;
  state: string;
  /**
   * The audit chain's head when the bag's tags are written (`Audit-Head: <seq> <hash>`): a log later
   * cut short below it, or rewritten there, no longer matches the bag.
   */
  auditHead: { seq: number; hash: string } | null;
}

/** RFC 8493 §2.1.3: CR, LF and % in a manifest path are percent-encoded. */
const encodeManifestPath = (path: string): string =>
  path.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');

export const decodeManifestPath = (path: string): string =>
  path.replaceAll('%0A', '\n').replaceAll('%0D', '\r').replaceAll('%25', '%');

export async function startBag(bagDir: string): Promise<void> {
  await fs.mkdir(join(bagDir, 'data'), { recursive: true });
  await writeFileDurably(join(bagDir, 'bagit.txt'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
}

/**
 * Writes the manifest and bag-info from what the index holds, so the bag never claims more than was
 * verified; then the tag manifest over them, so a changed bag-info is seen by verify.
 */
export async function writeBagTags(bagDir: string, entries: readonly BagEntry[], info: BagInfo): Promise<void> {
  const manifest = entries.map((entry) => `${entry.sha256}  data/${encodeManifestPath(entry.path)}\n`).join('');
  await writeFileDurably(join(bagDir, 'manifest-sha256.txt'), manifest);
  const bytes = entries.reduce((sum, entry) => sum + entry.size, 0);
  const fields: [string, string | null][] = [
    ['Source-Organization', info.sourceOrganization],
    ['Bagging-Date', info.started.slice(0, 10)],
    ['External-Identifier', info.externalIdentifier],
    ['Payload-Oxum', `${bytes}.${entries.length}`],
    ['Source-Path', info.sourcePath],
    ['Source-Device', info.sourceDevice],
    ['Station', info.station],
    ['Operator', info.operator],
    ['Ingest-Started', info.started],
    ['Ingest-Finished', info.finished],
    ['Ingest-State', info.state],
    ['Audit-Head', info.auditHead && `${info.auditHead.seq} ${info.auditHead.hash}`],
  ];
  const text = fields
    .filter((field): field is [string, string] => field[1] !== null)
    .map(([label, value]) => `${label}: ${value.replace(/[\r\n]+/g, ' ')}\n`)
    .join('');
  await writeFileDurably(join(bagDir, 'bag-info.txt'), text);
  await writeTagManifest(bagDir);
}

/** The audit chain's head a bag's bag-info names; null for a bag without one (made before the chain, or unfinished). */
export async function readBagAuditHead(bagDir: string): Promise<{ seq: number; hash: string } | null> {
  let text: string;
  try {
    text = await fs.readFile(join(bagDir, 'bag-info.txt'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const match = /^Audit-Head:\s*(\d+)\s+([0-9a-f]{64})\s*$/m.exec(text);
  return match?.[1] && match[2] ? { seq: Number(match[1]), hash: match[2] } : null;
}

export async function readManifest(bagDir: string): Promise<Map<string, string>> {
  const entries = new Map<string, string>();
  let text: string;
  try {
    text = await fs.readFile(join(bagDir, 'manifest-sha256.txt'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return entries;
    throw error;
  }
  for (const line of text.split('\n')) {
    const match = /^([0-9a-f]{64})\s+\*?data\/(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) entries.set(decodeManifestPath(match[2]), match[1]);
  }
  return entries;
}
