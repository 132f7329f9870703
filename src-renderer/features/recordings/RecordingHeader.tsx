import { useTranslation } from 'react-i18next';

const columns = ['time', 'file', 'device', 'officer', 'kind', 'duration', 'size', 'hash', 'status'] as const;

export function RecordingHeader() {
  const { t } = useTranslation();
  return (
    <div className="rec-grid rec-header" role="row" aria-rowindex={1}>
      {columns.map((column) => (
        <span key={column} role="columnheader" className={`col-${column}`}>
          {t(`recordings.columns.${column}`)}
        </span>
      ))}
    </div>
  );
}
