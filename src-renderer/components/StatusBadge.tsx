import { useTranslation } from 'react-i18next';
import type { FileStatus } from '../../src-main/contract/index.js';

export function StatusBadge({ status }: { status: FileStatus }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`fileStatus.${status}`)}</span>;
}
