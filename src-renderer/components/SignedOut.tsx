import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.js';

/** Browser mode without the start token (opened by hand, or the station restarted): say which address to open. */
export function SignedOut() {
  const { t } = useTranslation();
  return (
    <main className="startup" data-testid="signed-out">
      <LanguageSwitch />
      <h1>{t('app.signedOut')}</h1>
      <p>{t('app.signedOutHint')}</p>
    </main>
  );
}
