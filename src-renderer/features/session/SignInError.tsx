import { useTranslation } from 'react-i18next';
import type { CommandError } from '../../api/types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { TechnicalDetail } from '../../components/TechnicalDetail.js';
import { lockedUntil } from './locked-until.js';

/** Why a password was not accepted: a wrong one, or an account locked (and until when); anything else as any error. */
export function SignInError({ error }: { error: CommandError }) {
  const { t } = useTranslation();
  if (error.code !== 'unauthenticated' && error.code !== 'locked') return <ErrorMessage error={error} testId="sign-in-error" />;
  const until = lockedUntil(error);
  return (
    <div className="error" role="alert" data-testid="sign-in-error" data-code={error.code}>
      <strong>{error.code === 'locked' ? t('errors.locked') : t('session.wrongPassword')}</strong>
      {until ? <span data-testid="locked-until">{t('session.lockedUntil', { time: until })}</span> : null}
      {error.message ? <TechnicalDetail text={error.message} /> : null}
    </div>
  );
}
