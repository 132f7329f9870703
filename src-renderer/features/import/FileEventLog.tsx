import { useTranslation } from 'react-i18next';
import { ReasonText } from '../../components/ReasonText.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import type { FileEvent } from '../../state/ingest-jobs.js';

/** The files as the station reports them, newest first. */
export function FileEventLog({ files }: { files: readonly FileEvent[] }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="file-log-heading">
      <h3 id="file-log-heading">{t('progress.fileLog')}</h3>
      {files.length === 0 ? <p className="muted">{t('progress.noFilesYet')}</p> : null}
      <ol className="file-log" data-testid="file-log">
        {files.map((file) => (
          <li key={file.seq}>
            <StatusBadge status={file.status} />
            <span className="mono ellipsis" title={file.source}>
              {file.source}
            </span>
            {file.reason ? <ReasonText code={file.reasonCode} reason={file.reason} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
