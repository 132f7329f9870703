import { useTranslation } from 'react-i18next';
import { reasonParts } from '../format/reason.js';

export function ReasonText({ reason }: { reason: string }) {
  const { t } = useTranslation();
  const { key, detail } = reasonParts(reason);
  if (key === null) return <span className="reason">{reason}</span>;
  return (
    <span className="reason" title={reason}>
      {t(key)}
      {detail ? <span className="muted">: {detail}</span> : null}
    </span>
  );
}
