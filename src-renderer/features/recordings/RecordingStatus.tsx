import { useTranslation } from 'react-i18next';

/** `readable` is false when ffprobe could not read the file to its end: it is kept, and flagged as damaged (much of it may still play). */
export function RecordingStatus({ readable }: { readable: boolean | null }) {
  const { t } = useTranslation();
  if (readable === false) return <span className="badge status-failed">{t('recordings.unreadable')}</span>;
  if (readable === true) return <span className="badge status-archived">{t('recordings.readable')}</span>;
  return <span className="muted">—</span>;
}
