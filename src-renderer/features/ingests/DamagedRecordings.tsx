import { useTranslation } from 'react-i18next';
import type { IngestFile } from '../../../src-main/contract/index.js';
import { ProblemText } from '../../components/ProblemText.js';

/**
 * Recordings this import archived (or found again) that do not play to their end: said in the
 * summary, where the officer who brought the card still stands at the desk, not found later.
 */
export function DamagedRecordings({ files }: { files: readonly IngestFile[] }) {
  const { t } = useTranslation();
  const damaged = files.filter((file) => file.readable === false);
  if (damaged.length === 0) return null;
  return (
    <>
      <h4>{t('summary.damaged', { n: damaged.length })}</h4>
      <ul className="damaged" data-testid="damaged-recordings">
        {damaged.map((file) => (
          <li key={file.source} data-problem-code={file.problemCode ?? 'unexplained'}>
            <span className="mono break">{file.source}</span>
            {'：'}
            <ProblemText code={file.problemCode} playsSeconds={file.playsSeconds} durationSeconds={file.durationSeconds} />
          </li>
        ))}
      </ul>
    </>
  );
}
