import { useTranslation } from 'react-i18next';
import type { CommandError } from '../api/types.js';
import { errorKey } from '../format/reason.js';
import { TechnicalDetail } from './TechnicalDetail.js';

/**
 * What is wrong and what to do, in the user's language; the station's own words one click away.
 * `text` replaces the sentence where the code means something narrower in that place.
 */
export function ErrorMessage({ error, testId = 'error', text }: { error: CommandError; testId?: string; text?: string }) {
  const { t } = useTranslation();
  return (
    <div className="error" role="alert" data-testid={testId} data-code={error.code} data-cause={error.cause}>
      <strong>{text ?? t(errorKey(error))}</strong>
      {error.message ? <TechnicalDetail text={error.message} /> : null}
    </div>
  );
}
