import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { filesUnder, sha256Of, toAbsolute } from '../archive/index.js';
import { payloadPath, writeApprovalFiles, writeCustodyFiles, type RecordingFacts } from '../evidence-export/index.js';
import type { StationServices } from '../services.js';
import type { Signer } from '../signing/index.js';
import type { ImageEntry } from './build-image.js';
import { discReadme, labelJson, labelText, type DiscLabelFacts } from './disc-label.js';
import type { DiscRequestRow } from './disc-store.js';

export const manifestName = 'MANIFEST.sha256';

/** A disc's own folder in the data folder: its staged files (kept, so the image can be rebuilt bit for bit) and its image. */
export const discFolder = (dataDir: string, discId: string): string => join(dataDir, 'discs', discId);
export const stagedFolder = (dataDir: string, discId: string): string => join(discFolder(dataDir, discId), 'files');

export interface DiscContents {
  /** Everything the image holds: the archived originals where they are, the staged files beside them. */
  entries: ImageEntry[];
  /** The lines of MANIFEST.sha256: every file on the disc but the manifest itself. */
  manifest: { path: string; sha256: string }[];
}

/** The staged files as they are named on the disc: relative, with `/`, in a fixed order. */
async function stagedFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  for await (const file of filesUnder(root)) found.push(relative(root, file).split(sep).join('/'));
  return found.sort();
}

export interface StageInput {
  discId: string;
  request: DiscRequestRow;
  recordings: readonly RecordingFacts[];
  label: DiscLabelFacts;
  plannedAt: number;
}

/**
 * Writes the disc's own files once — the custody report, the sign-offs, the approval of the
 * request, LABEL.json, 标签.txt, the README and MANIFEST.sha256 — and says what the image holds.
 * Staged files are kept as first written: a report printed again later would differ (new audit
 * rows), and the image must come out the same every time it is built.
 */
export async function stageDisc(services: StationServices, signer: Signer, input: StageInput): Promise<DiscContents> {
  const staged = stagedFolder(services.dataDir, input.discId);
  if ((await stat(staged).catch(() => null)) === null) await writeStaged(services, signer, input, staged);
  const payload = input.recordings.map((facts) => ({ source: toAbsolute(services.dataDir, facts.archivePath), path: payloadPath(facts) }));
  const own = await stagedFiles(staged);
  const entries: ImageEntry[] = [...payload, ...own.map((path) => ({ source: join(staged, ...path.split('/')), path }))];
  return { entries, manifest: await readManifest(staged) };
}

/** The manifest as staged (`HASH  path` lines): the footage first, then the disc's own files. */
async function readManifest(staged: string): Promise<{ path: string; sha256: string }[]> {
  const text = await readFile(join(staged, manifestName), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => ({ sha256: line.slice(0, 64), path: line.slice(66) }));
}

async function writeStaged(services: StationServices, signer: Signer, input: StageInput, staged: string): Promise<void> {
  // Written beside, then renamed: a crash leaves no half-staged disc that would be taken as whole.
  const partial = `${staged}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  const { request } = input;
  const signoffIngests = await writeCustodyFiles(services, partial, {
    documentId: input.discId,
    madeBy: input.label.producer,
    madeAt: input.plannedAt,
    purpose: `光盘存档（一式两份）：${request.case_name}（${request.case_number}）`,
    recordings: input.recordings,
    approval: null,
  });
  if (request.statement !== null && request.signature !== null && request.key_id !== null) {
    await writeApprovalFiles(partial, { statement: request.statement, signature: request.signature, publicKeyPem: signer.publicKeyPem(request.key_id) });
  }
  await writeFile(join(partial, 'LABEL.json'), labelJson(input.label));
  await writeFile(join(partial, '标签.txt'), labelText(input.label));
  await writeFile(join(partial, 'README.txt'), discReadme({ ...input.label, manifestName, signoffIngests, hasCustodyReport: true }));
  const payloadLines = input.recordings.map((facts) => `${facts.sha256}  ${payloadPath(facts)}\n`);
  const ownLines: string[] = [];
  for (const path of await stagedFiles(partial)) ownLines.push(`${await sha256Of(join(partial, ...path.split('/')))}  ${path}\n`);
  await writeFile(join(partial, manifestName), [...payloadLines, ...ownLines].join(''));
  await rename(partial, staged);
}
