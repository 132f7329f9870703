import { useTranslation } from 'react-i18next';
import type { CommandError } from '../api/types.js';

/** The code's meaning in the user's language, then the station's own words for the detail. */
export function ErrorMessage({ error, testId = 'error' }: { error: CommandError; testId?: string }) {
  const { t } = useTranslation();
  return (
    <div className="error" role="alert" data-testid={testId} data-code={error.code}>
      <strong>{t(`errors.${error.code}`)}</strong>
      {error.message ? <span className="error-detail">{error.message}</span> : null}
    </div>
  );
}
