import { promises as fs } from 'node:fs';
import type { VerifyReport } from '../../contract/index.js';
import {
  archiveFolder,
  checkTagManifest,
  createReadBackBuffers,
  filesUnder,
  hashFromDisk,
  ingestArchiveDir,
  readManifest,
  toAbsolute,
  toStored,
} from '../archive/index.js';
import type { Database } from '../db/index.js';
import { runningIngests } from '../ingest/index.js';
import { allRecordedPaths } from '../recordings/index.js';

/**
 * Re-hashes every archived file from the disk and compares it with the index and with its bag's
 * manifest, and every bag's tag files against its tag manifest. It reports; it never repairs, because a silent repair would hide tampering (Art. 18).
 */
export async function verifyArchive(db: Database, dataDir: string): Promise<VerifyReport> {
  const problems: VerifyReport['problems'] = [];
  const buffers = createReadBackBuffers();
  // Read first: a bag still being written has no manifest yet and holds `.partial` files that are not
  // yet anyone's evidence; its files are checked against the index alone.
  const running = new Set(runningIngests(db).map((ingest) => ingest.id));
  const recorded = allRecordedPaths(db);
  const known = new Set(recorded.map((r) => r.archivePath));
  const manifests = new Map<string, Map<string, string>>();
  for (const recording of recorded) {
    const bagDir = ingestArchiveDir(recording.ingestId);
    let manifest = manifests.get(bagDir);
    if (!manifest) {
      manifest = await readManifest(toAbsolute(dataDir, bagDir));
      manifests.set(bagDir, manifest);
    }
    const inManifest = running.has(recording.ingestId)
      ? recording.sha256
      : manifest.get(recording.archivePath.slice(bagDir.length + '/data/'.length));
    try {
      const { sha256 } = await hashFromDisk(toAbsolute(dataDir, recording.archivePath), buffers);
      if (sha256 !== recording.sha256 || inManifest !== recording.sha256) {
        problems.push({ path: toAbsolute(dataDir, recording.archivePath), problem: 'altered' });
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      problems.push({ path: toAbsolute(dataDir, recording.archivePath), problem: 'missing' });
    }
  }
  const bags = await fs.readdir(toAbsolute(dataDir, archiveFolder)).catch(() => [] as string[]);
  // Asked again after listing: an ingest is recorded before its bag is made, so a bag another
  // process began meanwhile is known here as running, and not taken for one missing its tags.
  const runningNow = new Set(runningIngests(db).map((ingest) => ingest.id));
  for (const bag of bags) {
    if (running.has(bag) || runningNow.has(bag)) continue;
    problems.push(...(await checkTagManifest(toAbsolute(dataDir, `${archiveFolder}/${bag}`))));
    for await (const file of filesUnder(toAbsolute(dataDir, `${archiveFolder}/${bag}/data`))) {
      if (!known.has(toStored(dataDir, file))) problems.push({ path: file, problem: 'unknown' });
    }
  }
  return { checked: recorded.length, problems };
}
