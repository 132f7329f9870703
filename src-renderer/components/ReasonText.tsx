import { useTranslation } from 'react-i18next';
import type { ReasonCode } from '../../src-main/contract/index.js';
import { reasonKey } from '../format/reason.js';

/** Codes whose translation says it all; the others carry a detail worth showing (an OS error, a path). */
const selfExplained: ReadonlySet<ReasonCode> = new Set(['os-file', 'symlink', 'own-data-folder', 'cancelled', 'interrupted']);

/** A reason in the user's language; the station's exact words are beside it or in its tooltip. */
export function ReasonText({ code, reason }: { code: ReasonCode | null; reason: string }) {
  const { t } = useTranslation();
  if (code === null) return <span className="reason">{reason}</span>;
  return (
    <span className="reason" title={reason}>
      {t(reasonKey(code))}
      {selfExplained.has(code) ? null : <span className="muted"> — {reason}</span>}
    </span>
  );
}
