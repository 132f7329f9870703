import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { useAction } from '../../hooks/use-action.js';
import { useSession } from '../../state/session.js';
import { SignInError } from './SignInError.js';

/** Once the station has accounts, nothing is shown or done before someone signs in. */
export function SignInScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const signIn = useAction();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const signedIn = await signIn.run('session.signIn', { login: login.trim(), password });
    // The password is asked again after any failure: a wrong one is not left in the field.
    setPassword('');
    if (signedIn) session.apply(signedIn.status);
  };
  return (
    <main className="startup session-screen" data-testid="sign-in-screen">
      <LanguageSwitch />
      <form className="panel session-form" onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('session.signInTitle')}</h1>
        <p className="muted">{t('session.signInHint')}</p>
        {signIn.error ? <SignInError error={signIn.error} /> : null}
        <label>
          <span>{t('session.login')}</span>
          <input value={login} onChange={(event) => setLogin(event.target.value)} autoComplete="username" spellCheck={false} autoFocus required data-testid="sign-in-login" />
        </label>
        <label>
          <span>{t('session.password')}</span>
          <input type="password" value={password} onChange={(event) => setPassword(event.target.value)} autoComplete="current-password" required data-testid="sign-in-password" />
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={signIn.busy || login.trim() === '' || password === ''} data-testid="sign-in-submit">
            {signIn.busy ? t('session.signingIn') : t('session.signIn')}
          </button>
        </div>
      </form>
    </main>
  );
}
