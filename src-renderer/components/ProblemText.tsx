import { useTranslation } from 'react-i18next';
import type { ProblemCode } from '../../src-main/contract/index.js';
import { formatPreciseDuration } from '../format/duration.js';
import { problemKey } from '../format/reason.js';

/**
 * What is wrong with a recording, in the user's language: a cut-short clip says how much of it
 * plays, to a tenth of a second, of the length it declares. One sentence for the import summary
 * and the recording detail alike.
 */
export function ProblemText({ code, playsSeconds, durationSeconds }: { code: ProblemCode | null; playsSeconds: number | null; durationSeconds: number | null }) {
  const { t } = useTranslation();
  return <>{t(problemKey(code ?? 'unexplained'), { plays: formatPreciseDuration(playsSeconds), declared: formatPreciseDuration(durationSeconds) })}</>;
}
