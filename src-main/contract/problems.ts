import { z } from 'zod';

/**
 * What is wrong with a recording the archive holds (it is kept as it came, never repaired), as a
 * code the interface says in the user's language; `problem` keeps the station's own words.
 * `unexplained`: a problem recorded before it had a code.
 */
export const ProblemCode = z.enum([
  'unfinished',
  'not-media',
  'probe-failed',
  'no-stream',
  'end-missing',
  'index-past-end',
  'cut-short',
  'ends-early',
  'end-unchecked',
  'cannot-open',
  'image-unreadable',
  'unexplained',
]);
export type ProblemCode = z.infer<typeof ProblemCode>;
