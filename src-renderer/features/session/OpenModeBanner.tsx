import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FirstAdminForm } from './FirstAdminForm.js';

/** While no admin account exists, every screen says that anyone here can do anything, and offers to end it. */
export function OpenModeBanner() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  return (
    <div className="open-mode" data-testid="open-mode-banner">
      <div className="open-mode-line" role="status">
        <strong>{t('session.openMode')}</strong>
        {creating ? null : (
          <button type="button" className="primary" onClick={() => setCreating(true)} data-testid="create-first-admin">
            {t('session.createFirstAdmin')}
          </button>
        )}
      </div>
      {creating ? <FirstAdminForm onCancel={() => setCreating(false)} /> : null}
    </div>
  );
}
