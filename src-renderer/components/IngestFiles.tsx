import { useTranslation } from 'react-i18next';
import { useCommand } from '../hooks/use-command.js';
import { ErrorMessage } from './ErrorMessage.js';
import { FileOutcomeTable } from './FileOutcomeTable.js';

export function IngestFiles({ ingestId }: { ingestId: string }) {
  const { t } = useTranslation();
  const report = useCommand('ingest.get', { ingestId });
  if (report.state === 'failed') return <ErrorMessage error={report.error} />;
  if (!report.value) return <p className="muted">{t('common.loading')}</p>;
  return (
    <div className="ingest-files">
      <p className="mono muted">{report.value.archivePath}</p>
      <FileOutcomeTable files={report.value.files} testId="ingest-files" />
    </div>
  );
}
