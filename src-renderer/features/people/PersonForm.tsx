import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../src-main/contract/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/use-action.js';
import { AccountFields } from './AccountFields.js';
import { newPersonInput, personChange, personFormValues, validatePersonForm } from './person-form.js';
import { PersonInput } from './PersonInput.js';
import { RoleChoices } from './RoleChoices.js';
import { usePersonForm } from './use-person-form.js';

interface Props {
  /** The person being edited; null adds a new one. */
  person: Person | null;
  onSaved(person: Person): void;
  onCancel(): void;
}

/** Adds a person (an officer needs no account) or edits one: details, roles, and whether they are still active. */
export function PersonForm({ person, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const form = usePersonForm(() => personFormValues(person), (values) => validatePersonForm(values, person ? 'none' : 'as-chosen'));
  const save = useAction();
  const titleId = useId();
  const { values, errors, set } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form.check()) return;
    const saved = person ? await save.run('people.update', personChange(person.id, values)) : await save.run('people.add', newPersonInput(values, values.withAccount));
    if (saved) onSaved(saved);
  };

  return (
    <form className="panel device-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={titleId} data-testid="person-form">
      <h3 id={titleId}>{person ? t('people.titleEdit', { name: person.name }) : t('people.titleAdd')}</h3>
      {save.error ? <ErrorMessage error={save.error} testId="person-form-error" /> : null}
      <div className="form-grid">
        <PersonInput field="name" label={t('people.columns.name')} required value={values.name} onText={(text) => set('name', text)} errors={errors} autoComplete="off" testId="person-name" />
        <PersonInput
          field="officerNumber"
          label={t('people.columns.officerNumber')}
          value={values.officerNumber}
          onText={(text) => set('officerNumber', text)}
          errors={errors}
          className="mono"
          autoComplete="off"
          spellCheck={false}
          testId="person-officer-number"
        />
        <PersonInput field="certNumber" label={t('people.columns.certNumber')} value={values.certNumber} onText={(text) => set('certNumber', text)} errors={errors} autoComplete="off" testId="person-cert-number" />
        <PersonInput field="unit" label={t('people.columns.unit')} value={values.unit} onText={(text) => set('unit', text)} errors={errors} autoComplete="off" testId="person-unit" />
      </div>
      <RoleChoices roles={values.roles} errors={errors} onChange={(roles) => set('roles', roles)} />
      {person ? (
        <label className="check">
          <input type="checkbox" checked={values.active} onChange={(event) => set('active', event.target.checked)} data-testid="person-active" />
          <span>{t('people.activeLabel')}</span>
        </label>
      ) : (
        <label className="check">
          <input type="checkbox" checked={values.withAccount} onChange={(event) => set('withAccount', event.target.checked)} data-testid="person-with-account" />
          <span>{t('people.withAccount')}</span>
        </label>
      )}
      {!person && values.withAccount ? (
        <div className="form-grid">
          <AccountFields values={values} errors={errors} set={set} />
        </div>
      ) : null}
      <div className="actions">
        <button type="button" onClick={onCancel} data-testid="person-cancel">
          {t('deviceForm.cancel')}
        </button>
        <button type="submit" className="primary" disabled={save.busy} data-testid="person-save">
          {save.busy ? t('deviceForm.saving') : t('deviceForm.save')}
        </button>
      </div>
    </form>
  );
}
