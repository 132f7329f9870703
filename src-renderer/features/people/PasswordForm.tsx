import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../src-main/contract/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/use-action.js';
import { AccountFields } from './AccountFields.js';
import { personFormValues, validateAccount } from './person-form.js';
import { usePersonForm } from './use-person-form.js';

interface Props {
  person: Person;
  onSaved(person: Person): void;
  onCancel(): void;
}

/** Gives a person an account, or a new password for theirs (a forgotten one, or a lock to clear). */
export function PasswordForm({ person, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const form = usePersonForm(() => personFormValues(person), validateAccount);
  const save = useAction();
  const titleId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form.check()) return;
    const login = form.values.login.trim();
    const saved = await save.run('people.setPassword', { id: person.id, password: form.values.password, ...(login === person.login ? {} : { login }) });
    if (saved) onSaved(saved);
  };

  return (
    <form className="panel device-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={titleId} data-testid="password-form">
      <h3 id={titleId}>{person.login ? t('people.titlePassword', { name: person.name }) : t('people.titleAccount', { name: person.name })}</h3>
      <p className="muted">{t('people.passwordHint')}</p>
      {save.error ? <ErrorMessage error={save.error} testId="password-form-error" /> : null}
      <div className="form-grid">
        <AccountFields values={form.values} errors={form.errors} set={form.set} loginFixed={person.login !== null} />
      </div>
      <div className="actions">
        <button type="button" onClick={onCancel} data-testid="password-cancel">
          {t('deviceForm.cancel')}
        </button>
        <button type="submit" className="primary" disabled={save.busy} data-testid="password-save">
          {save.busy ? t('deviceForm.saving') : t('people.setPassword')}
        </button>
      </div>
    </form>
  );
}
