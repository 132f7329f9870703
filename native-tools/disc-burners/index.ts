// The disc burner backends, and which one a platform uses.
import { BurnError, type DiscBurner } from './burner.js';
import { xorrisoBurner } from './linux-xorriso.js';
import { hdiutilBurner } from './macos-hdiutil.js';
import { imapi2Burner } from './windows-imapi2.js';

export { BurnError, type BurnFailure, type BurnRequest, type DiscBurner, type DriveInfo, type DriveMedia, type RunTool } from './burner.js';
export { hdiutilBurner, imapi2Burner, xorrisoBurner };

/** The backend for this platform (only xorriso is tested); one with none fails as a burn would, with a message to show. */
export function burnerFor(platform: NodeJS.Platform): DiscBurner {
  if (platform === 'linux') return xorrisoBurner;
  if (platform === 'win32') return imapi2Burner;
  if (platform === 'darwin') return hdiutilBurner;
  throw new BurnError('failed', `no disc burner for ${platform}`);
}
