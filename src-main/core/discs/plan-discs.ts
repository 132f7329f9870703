import { mediaCapacity, type DiscMedia } from '../../contract/index.js';
import { StationError } from '../errors.js';
import { discMediaText } from './disc-label.js';

const block = 2048;
/**
 * Room kept on every disc for what is not footage: the volume descriptors, the ISO 9660, Rock
 * Ridge and Joliet directory trees, the MD5 array, and the disc's own files (manifest, custody
 * report with its embedded CJK font, label, README, sign-offs). A generous estimate: the built
 * image is measured against the medium again before anything is burned.
 */
export const reserveBytes = 24 * 1024 * 1024;
/** Per file: its directory records in three trees, its manifest line, its page of the custody report. */
export const perFileBytes = 8 * 1024;

export interface PlanFile {
  recordingId: number;
  size: number;
  /** Its path on the disc, for messages. */
  path: string;
}

export interface PlannedDisc {
  files: PlanFile[];
  /** The footage's bytes on this disc. */
  bytes: number;
}

const roundUp = (bytes: number): number => Math.ceil(bytes / block) * block;
/** What one file takes on a disc: its blocks and its share of the trees. */
export const footprint = (file: PlanFile): number => roundUp(file.size) + perFileBytes;

const mediaBySize = (Object.entries(mediaCapacity) as [DiscMedia, number][]).sort((a, b) => a[1] - b[1]);

/** The smallest medium one file fits on alone, or null when none does. */
export function smallestMediumFor(file: PlanFile): DiscMedia | null {
  return mediaBySize.find(([, capacity]) => footprint(file) + reserveBytes <= capacity)?.[0] ?? null;
}

/**
 * Splits files over discs of one medium by whole files, taken in the order given, each onto the
 * first disc with room (first fit: a small file may fill a gap on an earlier disc, so fewer discs
 * are burned). A file larger than the medium is refused, naming a medium that holds it.
 */
export function planDiscs(files: readonly PlanFile[], media: DiscMedia): PlannedDisc[] {
  const room = mediaCapacity[media] - reserveBytes;
  const tooBig = files.filter((file) => footprint(file) > room);
  if (tooBig.length > 0) {
    const file = tooBig.reduce((a, b) => (b.size > a.size ? b : a));
    const fits = smallestMediumFor(file);
    const advice = fits === null ? 'no disc medium holds it' : `a ${discMediaText[fits]} holds it: plan with --media ${fits}`;
    throw new StationError('invalid-input', `${file.path} (${file.size} bytes) is larger than a ${discMediaText[media]} holds; ${advice}`, 'too-big-for-medium');
  }
  const discs: (PlannedDisc & { used: number })[] = [];
  for (const file of files) {
    const size = footprint(file);
    let disc = discs.find((candidate) => candidate.used + size <= room);
    if (disc === undefined) {
      disc = { files: [], bytes: 0, used: 0 };
      discs.push(disc);
    }
    disc.files.push(file);
    disc.bytes += file.size;
    disc.used += size;
  }
  return discs.map(({ files: held, bytes }) => ({ files: held, bytes }));
}
