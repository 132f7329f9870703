import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../src-main/contract/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useCommand } from '../../hooks/use-command.js';
import { managesPeople, useSession } from '../../state/session.js';
import { PasswordForm } from './PasswordForm.js';
import { PeopleTable } from './PeopleTable.js';
import { PersonForm } from './PersonForm.js';

type Editing = { mode: 'add' } | { mode: 'edit'; person: Person } | { mode: 'password'; person: Person } | null;

/**
 * The office's people (admins): officers appear here so the ledger can name them, and those who
 * use the station get an account. The core refuses anyone else whatever this page offers.
 */
export function PeoplePage() {
  const { t } = useTranslation();
  const { status } = useSession();
  // Reached by its address without the menu entry: say who manages people rather than offer forms the core refuses.
  if (!managesPeople(status)) {
    return (
      <div className="page" data-testid="people-page">
        <h2>{t('people.title')}</h2>
        <p className="muted" data-testid="people-admins-only">
          {t('people.adminsOnly')}
        </p>
      </div>
    );
  }
  return <PeopleRegister />;
}

function PeopleRegister() {
  const { t } = useTranslation();
  const people = useCommand('people.list', {});
  const [editing, setEditing] = useState<Editing>(null);
  // The form closes on saving: this says it worked, until another edit begins.
  const [savedName, setSavedName] = useState<string | null>(null);
  const edit = (next: Editing) => {
    setSavedName(null);
    setEditing(next);
  };
  const saved = (person: Person) => {
    setEditing(null);
    setSavedName(person.name);
    people.reload();
  };
  return (
    <div className="page" data-testid="people-page">
      <h2>{t('people.title')}</h2>
      <section className="panel registry" aria-labelledby="people-heading">
        <div className="panel-head">
          <h3 id="people-heading">{t('people.register')}</h3>
          <button type="button" className="primary" onClick={() => edit({ mode: 'add' })} disabled={editing?.mode === 'add'} data-testid="person-add">
            {t('people.add')}
          </button>
        </div>
        <p className="muted">{t('people.hint')}</p>
        {people.state === 'failed' ? <ErrorMessage error={people.error} /> : null}
        {savedName ? (
          <p className="saved" role="status" data-testid="person-saved">
            {t('people.saved', { name: savedName })}
          </p>
        ) : null}
        {editing?.mode === 'password' ? (
          <PasswordForm key={editing.person.id} person={editing.person} onSaved={saved} onCancel={() => setEditing(null)} />
        ) : editing ? (
          <PersonForm key={editing.mode === 'edit' ? editing.person.id : 'new'} person={editing.mode === 'edit' ? editing.person : null} onSaved={saved} onCancel={() => setEditing(null)} />
        ) : null}
        {people.value ? (
          <PeopleTable
            people={people.value}
            onEdit={(person) => edit({ mode: 'edit', person })}
            onPassword={(person) => edit({ mode: 'password', person })}
          />
        ) : null}
      </section>
    </div>
  );
}
