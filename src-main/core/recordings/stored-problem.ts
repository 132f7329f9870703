import { ProblemCode } from '../../contract/index.js';
import type { MediaProblem } from '../media/index.js';

/**
 * The `problem` column holds the problem as JSON (code, words, seconds that play), so the
 * interface can say it in the user's language without a schema change. Rows written before codes
 * existed hold the English words alone: they read back as `unexplained`, words intact.
 */
export const storedProblem = (problem: MediaProblem | null): string | null => (problem === null ? null : JSON.stringify(problem));

export function readProblem(stored: string | null): MediaProblem | null {
  if (stored === null) return null;
  try {
    const parsed = JSON.parse(stored) as Partial<MediaProblem>;
    const code = ProblemCode.safeParse(parsed.code);
    if (code.success && typeof parsed.text === 'string') {
      return { code: code.data, text: parsed.text, playsSeconds: typeof parsed.playsSeconds === 'number' ? parsed.playsSeconds : null };
    }
  } catch {
    // Not JSON: words from before problems had codes.
  }
  return { code: 'unexplained', text: stored, playsSeconds: null };
}
