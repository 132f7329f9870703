import { kindFromExtension } from '../media/index.js';
import type { SourceFile } from './scan-source.js';

const isVideo = (file: SourceFile): boolean => kindFromExtension(file.relative) === 'video';

/**
 * The order a card's files are copied in: its videos first, the smallest first, then everything
 * else as the scan found it (by name). A video is searched for the station's calibration code once
 * it is archived, and that search takes a core for a fraction of a second. Taken smallest first,
 * each video is in the archive as early as it can be, so each search runs while larger files are
 * still coming, and the photos, sound and logs (described in milliseconds) are what is left to copy
 * while the last video is searched, instead of a card's last searches waiting after its last byte.
 * Measured on a rack of eight cards (three long videos and a short clip each): in name order, two
 * searches a card began with the last video bytes, and the rack's searches finished a second after
 * its copies.
 */
export function copyOrder(files: readonly SourceFile[]): SourceFile[] {
  // Array.prototype.sort is stable: videos of one size keep their name order.
  const videos = files.filter(isVideo).sort((a, b) => a.size - b.size);
  return [...videos, ...files.filter((file) => !isVideo(file))];
}

/** The names (relative paths) of the card's videos. */
export const videoNames = (files: readonly SourceFile[]): string[] => files.filter(isVideo).map((file) => file.relative);
