import { useTranslation } from 'react-i18next';
import type { Person } from '../../../src-main/contract/index.js';
import { useAction } from '../../hooks/use-action.js';
import { useSession } from '../../state/session.js';

/** Who is signed in at this desk, in the header: switching user is one click, and so is locking. */
export function SessionBar({ person }: { person: Person }) {
  const { t } = useTranslation();
  const session = useSession();
  const action = useAction();
  const run = async (name: 'session.signOut' | 'session.lock') => {
    const status = await action.run(name, {});
    if (status) session.apply(status);
    // A session the core no longer knows: ask where the page stands instead.
    else session.refresh();
  };
  return (
    <div className="session-bar" data-testid="session-bar">
      <span className="session-person">
        <strong data-testid="session-name">{person.name}</strong>
        <span className="session-roles" data-testid="session-roles">
          {person.roles.map((role) => t(`roles.${role}`)).join(t('session.roleSeparator'))}
        </span>
      </span>
      <button type="button" className="header-button" onClick={() => void run('session.signOut')} disabled={action.busy} data-testid="switch-user">
        {t('session.switchUser')}
      </button>
      <button type="button" className="header-button" onClick={() => void run('session.lock')} disabled={action.busy} data-testid="lock-now">
        {t('session.lock')}
      </button>
    </div>
  );
}
