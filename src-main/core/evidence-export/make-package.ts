import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ingestArchiveDir, toAbsolute, writeTagManifest } from '../archive/index.js';
import { StationError } from '../errors.js';
import type { RecordingFacts } from './custody-facts.js';

/** The tag files of a lead's sign-off that another capability puts in an ingest's bag. */
const signoffFiles = ['signoff.json', 'signoff.sig', 'signer.pem'] as const;

export interface PayloadFile {
  facts: RecordingFacts;
  /** `data/<ingestId>/<path as archived>`, '/'-separated. */
  bagPath: string;
}

/** Where an archived recording goes in the package: its path inside its ingest's data/, under the ingest's id. */
export function payloadPath(facts: RecordingFacts): string {
  const prefix = `${ingestArchiveDir(facts.ingestId)}/data/`;
  if (!facts.archivePath.startsWith(prefix)) throw new StationError('internal', `recording ${facts.id} is archived outside its ingest's bag: ${facts.archivePath}`);
  return `data/${facts.ingestId}/${facts.archivePath.slice(prefix.length)}`;
}

const exists = async (path: string): Promise<boolean> =>
  stat(path).then(
    (found) => found.isFile(),
    () => false,
  );

/** Copies each ingest's sign-off (all three files, or none) into signoffs/<ingestId>/; the ingests that had one. */
export async function copySignoffs(dataDir: string, out: string, ingestIds: readonly string[]): Promise<string[]> {
  const copied: string[] = [];
  for (const ingestId of ingestIds) {
    const bag = toAbsolute(dataDir, ingestArchiveDir(ingestId));
    const present = await Promise.all(signoffFiles.map((name) => exists(join(bag, name))));
    if (!present.every(Boolean)) continue;
    const target = join(out, 'signoffs', ingestId);
    await mkdir(target, { recursive: true });
    for (const name of signoffFiles) await copyFile(join(bag, name), join(target, name));
    copied.push(ingestId);
  }
  return copied;
}

export interface BagInfo {
  stationName: string;
  exportId: string;
  madeBy: string;
  madeAt: string;
  purpose: string | null;
  bytes: number;
  files: number;
}

/** bagit.txt, bag-info.txt and the payload manifest (RFC 8493), checkable with `sha256sum -c`. */
export async function writeBagFiles(out: string, payload: readonly PayloadFile[], info: BagInfo): Promise<void> {
  await writeFile(join(out, 'bagit.txt'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
  const manifest = payload.map((file) => `${file.facts.sha256}  ${file.bagPath}\n`).join('');
  await writeFile(join(out, 'manifest-sha256.txt'), manifest);
  const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');
  const lines = [
    `Source-Organization: ${oneLine(info.stationName)}`,
    `External-Identifier: ${info.exportId}`,
    `Export-Id: ${info.exportId}`,
    `Bagging-Date: ${info.madeAt.slice(0, 10)}`,
    `Made-By: ${oneLine(info.madeBy)}`,
    `Made-At: ${info.madeAt}`,
    ...(info.purpose ? [`Purpose: ${oneLine(info.purpose)}`] : []),
    `Payload-Oxum: ${info.bytes}.${info.files}`,
  ];
  await writeFile(join(out, 'bag-info.txt'), `${lines.join('\n')}\n`);
}

/** Last, over every file outside data/. */
export const sealTags = (out: string): Promise<void> => writeTagManifest(out);
