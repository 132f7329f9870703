import { useTranslation } from 'react-i18next';
import type { Role } from '../../../src-main/contract/index.js';
import { roleChoices, type PersonFormErrors } from './person-form.js';

/** A person may hold several roles: one box each. */
export function RoleChoices({ roles, errors, onChange }: { roles: readonly Role[]; errors: PersonFormErrors | null; onChange(roles: Role[]): void }) {
  const { t } = useTranslation();
  const toggle = (role: Role, held: boolean) => onChange(held ? [...roles, role] : roles.filter((other) => other !== role));
  return (
    <fieldset className="role-choices" data-testid="person-roles" aria-invalid={errors?.roles ? true : undefined}>
      <legend>{t('people.columns.roles')}</legend>
      {roleChoices.map((role) => (
        <label key={role} className="check">
          <input type="checkbox" checked={roles.includes(role)} onChange={(event) => toggle(role, event.target.checked)} data-testid={`person-role-${role}`} />
          <span>{t(`roles.${role}`)}</span>
        </label>
      ))}
      {errors?.roles ? (
        <span className="field-error" data-testid="person-roles-error">
          {t(errors.roles)}
        </span>
      ) : null}
    </fieldset>
  );
}
