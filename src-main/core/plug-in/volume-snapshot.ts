import type { AttachedVolume } from '../../contract/index.js';
import type { Database } from '../db/database.js';
import { recognizeVolume } from '../devices/recognize-volume.js';
import { createVolumeScanner } from '../volumes/volume-scanner.js';
import { attachedView } from './attached-view.js';

/** One look at the attached volumes, recognised, for hosts that do not watch (`station devices`). */
export async function volumeSnapshot(
  db: Database,
  options: { anyVolume: boolean; dataDir: string; namePatterns: readonly string[]; now: string },
): Promise<AttachedVolume[]> {
  const scanner = createVolumeScanner({ anyVolume: options.anyVolume, excludePath: options.dataDir });
  await scanner.start();
  const volumes = scanner.volumes;
  await scanner.stop();
  return Promise.all(
    volumes.map(async (volume) =>
      attachedView(db, volume, await recognizeVolume(db, volume, { extraPatterns: options.namePatterns }), options.now),
    ),
  );
}
