import { useTranslation } from 'react-i18next';
import type { ReasonCode } from '../../src-main/contract/index.js';
import { reasonKey } from '../format/reason.js';
import { TechnicalDetail } from './TechnicalDetail.js';

/** Codes whose translation says it all; the others carry a detail worth keeping (an OS error, a path). */
const selfExplained: ReadonlySet<ReasonCode> = new Set(['os-file', 'symlink', 'own-data-folder', 'cancelled', 'interrupted']);

/** A reason in the user's language, saying what to do; the station's exact words one click away. */
export function ReasonText({ code, reason }: { code: ReasonCode | null; reason: string }) {
  const { t } = useTranslation();
  // A reason without a code (recorded before codes existed) has only the station's words to offer.
  if (code === null) return <span className="reason"><TechnicalDetail text={reason} /></span>;
  return (
    <span className="reason" data-reason-code={code}>
      {t(reasonKey(code))}
      {selfExplained.has(code) ? null : <TechnicalDetail text={reason} />}
    </span>
  );
}
