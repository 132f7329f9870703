import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/use-action.js';
import { useSession } from '../../state/session.js';
import { AccountFields } from '../people/AccountFields.js';
import { newPersonInput, personFormValues, validatePersonForm } from '../people/person-form.js';
import { PersonInput } from '../people/PersonInput.js';
import { usePersonForm } from '../people/use-person-form.js';

/**
 * Ends open mode: the first admin account, made while the station still lets anyone at it act,
 * then signed in at once, so the one who made it is not locked out by their own step.
 */
export function FirstAdminForm({ onCancel }: { onCancel(): void }) {
  const { t } = useTranslation();
  const session = useSession();
  const form = usePersonForm(() => personFormValues(null, ['admin']), (values) => validatePersonForm(values, 'required'));
  const add = useAction();
  const signIn = useAction();
  const titleId = useId();
  const { values, errors, set } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form.check()) return;
    const input = newPersonInput(values, true);
    const person = await add.run('people.add', input);
    if (!person) return;
    const signedIn = await signIn.run('session.signIn', { login: values.login.trim(), password: values.password });
    if (signedIn) session.apply(signedIn.status);
    else session.refresh();
  };
  const error = add.error ?? signIn.error;

  return (
    <form className="panel device-form first-admin" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={titleId} data-testid="first-admin-form">
      <h3 id={titleId}>{t('session.firstAdminTitle')}</h3>
      <p className="muted">{t('session.firstAdminHint')}</p>
      {error ? <ErrorMessage error={error} testId="first-admin-error" /> : null}
      <div className="form-grid">
        <PersonInput field="name" label={t('people.columns.name')} required value={values.name} onText={(text) => set('name', text)} errors={errors} autoComplete="name" testId="person-name" />
        <AccountFields values={values} errors={errors} set={set} />
        <PersonInput
          field="officerNumber"
          label={t('people.columns.officerNumber')}
          value={values.officerNumber}
          onText={(text) => set('officerNumber', text)}
          errors={errors}
          className="mono"
          autoComplete="off"
          testId="person-officer-number"
        />
        <PersonInput field="unit" label={t('people.columns.unit')} value={values.unit} onText={(text) => set('unit', text)} errors={errors} autoComplete="organization" testId="person-unit" />
      </div>
      <div className="actions">
        <button type="button" onClick={onCancel} data-testid="first-admin-cancel">
          {t('deviceForm.cancel')}
        </button>
        <button type="submit" className="primary" disabled={add.busy || signIn.busy} data-testid="first-admin-save">
          {t('session.firstAdminSave')}
        </button>
      </div>
    </form>
  );
}
