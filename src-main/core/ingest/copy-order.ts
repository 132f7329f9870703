import { kindFromExtension } from '../media/index.js';
import type { SourceFile } from './scan-source.js';

/**
 * A video file this small is likely a short one: 30 seconds (what the clock step counts as short,
 * and always searches for the calibration clip) of a body camera's 1080p at 16 Mb/s is 60 MB.
 */
const SMALL_VIDEO_BYTES = 64 * 1024 * 1024;

const isSmallVideo = (file: SourceFile): boolean => file.size < SMALL_VIDEO_BYTES && kindFromExtension(file.relative) === 'video';

/**
 * The order a card's files are copied in: its small videos first, the smallest first, then
 * everything else as the scan found it (by name, which is the order a recorder wrote them, so the
 * card is read front to back). A short video is searched for the station's calibration code once
 * it is archived, and a search takes a core for a fraction of a second: copied first, its search
 * runs while the rest of the card is still coming. Measured on a rack of eight cards (three long
 * videos and a clip each, the clip last by name): in name order, the clip's and a short video's
 * searches began with the last video bytes, and the rack's searches finished a second after its
 * copies. Reading all of a card's videos smallest first cost a single card at 90 MB/s 2.5 % (its
 * files no longer read in the order they lie on the card), which is why only the small ones move.
 */
export function copyOrder(files: readonly SourceFile[]): SourceFile[] {
  // Array.prototype.sort is stable: videos of one size keep their name order.
  const small = files.filter(isSmallVideo).sort((a, b) => a.size - b.size);
  return [...small, ...files.filter((file) => !isSmallVideo(file))];
}

/** The names (relative paths) of the card's videos. */
export const videoNames = (files: readonly SourceFile[]): string[] => files.filter((file) => kindFromExtension(file.relative) === 'video').map((file) => file.relative);
