import { promises as fs } from 'node:fs';
import type { VerifyReport } from '../../contract/index.js';
import type { Database } from '../db/database.js';
import { allRecordedPaths } from '../recordings/recording-store.js';
import { readManifest } from './bag.js';
import { archiveFolder, toAbsolute, toStored } from './layout.js';
import { createReadBackBuffers, hashFromDisk } from './read-back.js';
import { filesUnder } from './walk-files.js';

/**
 * Re-hashes every archived file from the disk and compares it with the index and with its bag's
 * manifest. It reports; it never repairs, because a silent repair would hide tampering (Art. 18).
 */
export async function verifyArchive(db: Database, dataDir: string): Promise<VerifyReport> {
  const problems: VerifyReport['problems'] = [];
  const buffers = createReadBackBuffers();
  const recorded = allRecordedPaths(db);
  const known = new Set(recorded.map((r) => r.archivePath));
  const manifests = new Map<string, Map<string, string>>();
  for (const recording of recorded) {
    const [, ingestId] = recording.archivePath.split('/');
    const bagDir = `${archiveFolder}/${ingestId}`;
    let manifest = manifests.get(bagDir);
    if (!manifest) {
      manifest = await readManifest(toAbsolute(dataDir, bagDir));
      manifests.set(bagDir, manifest);
    }
    const inManifest = manifest.get(recording.archivePath.slice(bagDir.length + '/data/'.length));
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
  // A bag still being written holds `.partial` files that are not yet anyone's evidence.
  const running = new Set((db.prepare(`SELECT id FROM ingests WHERE state = 'running'`).all() as { id: string }[]).map((r) => r.id));
  for (const bag of await fs.readdir(toAbsolute(dataDir, archiveFolder)).catch(() => [] as string[])) {
    if (running.has(bag)) continue;
    for await (const file of filesUnder(toAbsolute(dataDir, `${archiveFolder}/${bag}/data`))) {
      if (!known.has(toStored(dataDir, file))) problems.push({ path: file, problem: 'unknown' });
    }
  }
  return { checked: recorded.length, problems };
}
