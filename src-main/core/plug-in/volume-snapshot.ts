import type { AttachedVolume } from '../../contract/index.js';
import type { Database } from '../db/index.js';
import { recognizeVolume } from '../devices/index.js';
import { createVolumeScanner, type Volume } from '../volumes/index.js';
import { attachedView, type OpenCheckoutOf } from './attached-view.js';

/** The volumes a scanner would offer now: one look, no watching. */
async function offeredVolumes(options: { anyVolume: boolean; dataDir: string }): Promise<Volume[]> {
  const scanner = createVolumeScanner({ anyVolume: options.anyVolume, excludePath: options.dataDir });
  await scanner.start();
  const volumes = scanner.volumes;
  await scanner.stop();
  return volumes;
}

/** One look at the attached volumes, recognised, for hosts that do not watch (`station devices`). */
export async function volumeSnapshot(
  db: Database,
  options: { anyVolume: boolean; dataDir: string; namePatterns: readonly string[]; now: string; openCheckoutOf: OpenCheckoutOf },
): Promise<AttachedVolume[]> {
  const volumes = await offeredVolumes(options);
  return Promise.all(
    volumes.map(async (volume) =>
      attachedView(db, volume, await recognizeVolume(db, volume, { extraPatterns: options.namePatterns }), options.now, options.openCheckoutOf),
    ),
  );
}
