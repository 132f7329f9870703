import type { RecordingDetail } from '../../../src-main/contract/index.js';
import { ProblemText } from '../../components/ProblemText.js';
import { TechnicalDetail } from '../../components/TechnicalDetail.js';
import { RecordingStatus } from './RecordingStatus.js';

/** What is wrong with a recording and what to do, in the user's language; the station's words (ffprobe's) one click away. */
export function RecordingProblem({ detail }: { detail: RecordingDetail }) {
  if (detail.readable !== false && detail.problem === null) return null;
  const code = detail.problemCode ?? 'unexplained';
  return (
    <div className="error" role="status" data-testid="detail-problem" data-problem-code={code}>
      <RecordingStatus readable={detail.readable} />{' '}
      <ProblemText code={code} playsSeconds={detail.playsSeconds} durationSeconds={detail.durationSeconds} />
      {detail.problem ? <TechnicalDetail text={detail.problem} /> : null}
    </div>
  );
}
