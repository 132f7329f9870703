import { useTranslation } from 'react-i18next';
import type { IngestFile } from '../../../src-main/contract/index.js';
import { PathText } from '../../components/PathText.js';
import { ReasonText } from '../../components/ReasonText.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { formatBytes } from '../../format/bytes.js';
import { signedSeconds } from '../../format/drift.js';
import { shortHash } from '../../format/hash.js';
import { useStation } from '../../state/station-context.js';

/** Files of one ingest with what happened to each and why, and the recorder's time beside the true one. */
export function FileOutcomeTable({ files, testId }: { files: readonly IngestFile[]; testId: string }) {
  const { t } = useTranslation();
  const { formatTime } = useStation();
  // An empty reason column would take the width the names need.
  const anyReason = files.some((file) => file.reason);
  return (
    <table className="files" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('files.status')}</th>
          <th scope="col">{t('files.source')}</th>
          <th scope="col">{t('files.size')}</th>
          <th scope="col">{t('files.hash')}</th>
          {anyReason ? <th scope="col">{t('files.reason')}</th> : null}
          <th scope="col">{t('clock.deviceTime')}</th>
          <th scope="col">{t('clock.correctedTime')}</th>
        </tr>
      </thead>
      <tbody>
        {files.map((file) => (
          <tr key={file.source} data-status={file.status}>
            <td>
              <StatusBadge status={file.status} />
            </td>
            <td className="mono">
              <PathText path={file.source} />
            </td>
            <td className="num nowrap">{formatBytes(file.size)}</td>
            <td className="mono" title={file.sha256 ?? ''}>
              {file.sha256 ? shortHash(file.sha256) : '—'}
            </td>
            {anyReason ? <td>{file.reason ? <ReasonText code={file.reasonCode} reason={file.reason} /> : null}</td> : null}
            <td className="num nowrap" data-testid="file-device-time">
              {formatTime(file.clock?.deviceTime)}
            </td>
            <td className="num nowrap" data-testid="file-corrected-time">
              {formatTime(file.clock?.correctedTime)}
              {file.clock?.basis ? (
                <span className="muted" title={t(`drift.basis.${file.clock.basis}`)}>
                  {' '}
                  ({signedSeconds(file.clock.driftSeconds)})
                </span>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
