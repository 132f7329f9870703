import { useTranslation } from 'react-i18next';
import type { RecordingDetail } from '../../../src-main/contract/index.js';
import { TechnicalDetail } from '../../components/TechnicalDetail.js';
import { formatPreciseDuration } from '../../format/duration.js';
import { problemKey } from '../../format/reason.js';
import { RecordingStatus } from './RecordingStatus.js';

/** What is wrong with a recording and what to do, in the user's language; the station's words (ffprobe's) one click away. */
export function RecordingProblem({ detail }: { detail: RecordingDetail }) {
  const { t } = useTranslation();
  if (detail.readable !== false && detail.problem === null) return null;
  const code = detail.problemCode ?? 'unexplained';
  return (
    <div className="error" role="status" data-testid="detail-problem" data-problem-code={code}>
      <RecordingStatus readable={detail.readable} />{' '}
      {t(problemKey(code), { plays: formatPreciseDuration(detail.playsSeconds), declared: formatPreciseDuration(detail.durationSeconds) })}
      {detail.problem ? <TechnicalDetail text={detail.problem} /> : null}
    </div>
  );
}
