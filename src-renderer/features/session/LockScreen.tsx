import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../src-main/contract/index.js';
import { useAction } from '../../hooks/use-action.js';
import { useSession } from '../../state/session.js';
import { SignInError } from './SignInError.js';

/**
 * Covers the whole window while the session is locked: what was on screen (evidence, names) stays
 * hidden until the same person's password, or someone else signs in.
 */
export function LockScreen({ person }: { person: Person }) {
  const { t } = useTranslation();
  const session = useSession();
  const unlock = useAction();
  const signOut = useAction();
  const [password, setPassword] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const status = await unlock.run('session.unlock', { password });
    setPassword('');
    if (status) session.apply(status);
  };
  const switchUser = async () => {
    const status = await signOut.run('session.signOut', {});
    if (status) session.apply(status);
  };
  return (
    <div className="lock-screen" role="dialog" aria-modal="true" aria-labelledby="lock-title" data-testid="lock-screen">
      <form className="panel session-form" onSubmit={(event) => void submit(event)}>
        <h1 id="lock-title">{t('session.lockedTitle')}</h1>
        <p>{t('session.lockedHint', { name: person.name })}</p>
        {unlock.error ? <SignInError error={unlock.error} /> : null}
        <label>
          <span>{t('session.password')}</span>
          <input type="password" value={password} onChange={(event) => setPassword(event.target.value)} autoComplete="current-password" autoFocus required data-testid="unlock-password" />
        </label>
        <div className="actions">
          <button type="button" onClick={() => void switchUser()} disabled={signOut.busy} data-testid="lock-switch-user">
            {t('session.switchUser')}
          </button>
          <button type="submit" className="primary" disabled={unlock.busy || password === ''} data-testid="unlock-submit">
            {t('session.unlock')}
          </button>
        </div>
      </form>
    </div>
  );
}
