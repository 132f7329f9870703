// The disc burner backends, and which one a platform uses.
import { BurnError, type DiscBurner } from './burner.js';
import { xorrisoBurner } from './linux-xorriso.js';

export { BurnError, type BurnFailure, type BurnRequest, type DiscBurner, type DriveInfo, type DriveMedia, type RunTool } from './burner.js';
export { xorrisoBurner } from './linux-xorriso.js';

/** The backend for this platform; one with none yet fails as a burn would, with a message to show. */
export function burnerFor(platform: NodeJS.Platform): DiscBurner {
  if (platform === 'linux') return xorrisoBurner;
  throw new BurnError('failed', `no disc burner for ${platform} yet`);
}
