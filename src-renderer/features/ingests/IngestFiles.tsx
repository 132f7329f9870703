import { useTranslation } from 'react-i18next';
import { ClockDriftLine } from '../../components/ClockDriftLine.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useCommand } from '../../hooks/use-command.js';
import { useStation } from '../../state/station-context.js';
import { FileOutcomeTable } from './FileOutcomeTable.js';
import { FindingList } from './FindingList.js';

export function IngestFiles({ ingestId }: { ingestId: string }) {
  const { t } = useTranslation();
  const { formatTime } = useStation();
  const report = useCommand('ingest.get', { ingestId });
  if (report.state === 'failed') return <ErrorMessage error={report.error} />;
  if (!report.value) return <p className="muted">{t('common.loading')}</p>;
  return (
    <div className="ingest-files">
      <p className="mono muted">{report.value.archivePath}</p>
      <ClockDriftLine drift={report.value.clockDrift} testId="ingest-files-drift" />
      <FindingList findings={report.value.findings} formatTime={formatTime} deviceId={report.value.deviceId} />
      <FileOutcomeTable files={report.value.files} testId="ingest-files" />
    </div>
  );
}
