import type { Caller, Confidentiality } from '../../contract/index.js';
import { higherLevel } from '../confidentiality/index.js';
import type { Database } from '../db/index.js';
import { StationError } from '../errors.js';
import { hiddenFrom, levelOfFacts, type RecordingFacts } from '../evidence-export/index.js';

/** The highest level among the recordings: above `none`, only the head approves the disc. */
export const highestLevel = (recordings: readonly RecordingFacts[]): Confidentiality =>
  recordings.reduce<Confidentiality>((level, facts) => higherLevel(level, levelOfFacts(facts)), 'none');

/** Whoever asks for, approves or burns a disc must be allowed to see everything on it (Art. 14). */
export function requireSightOfAll(db: Database, caller: Caller, recordings: readonly RecordingFacts[], now: number): void {
  const hidden = hiddenFrom(db, caller, recordings, now);
  if (hidden.length > 0) throw new StationError('forbidden', `you may not see recording ${hidden.map((facts) => facts.id).join(', ')}, so it cannot go on a disc of yours`);
}
