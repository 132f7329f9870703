import { useTranslation } from 'react-i18next';
import type { PersonFormErrors, PersonFormValues } from './person-form.js';
import { PersonInput } from './PersonInput.js';

type AccountValues = Pick<PersonFormValues, 'login' | 'password' | 'repeat'>;

interface Props {
  values: AccountValues;
  errors: PersonFormErrors | null;
  set(field: keyof AccountValues, text: string): void;
  /** A login already given stays as it is when only the password changes. */
  loginFixed?: boolean;
}

/** A login and a new password typed twice, so a typing slip does not lock its owner out. */
export function AccountFields({ values, errors, set, loginFixed = false }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <PersonInput
        field="login"
        label={t('people.columns.login')}
        required
        value={values.login}
        readOnly={loginFixed}
        onText={(text) => set('login', text)}
        errors={errors}
        autoComplete="off"
        spellCheck={false}
        className="mono"
        testId="person-login"
      />
      <PersonInput
        field="password"
        label={t('people.password')}
        required
        type="password"
        value={values.password}
        onText={(text) => set('password', text)}
        errors={errors}
        autoComplete="new-password"
        testId="person-password"
      />
      <PersonInput
        field="repeat"
        label={t('people.repeat')}
        required
        type="password"
        value={values.repeat}
        onText={(text) => set('repeat', text)}
        errors={errors}
        autoComplete="new-password"
        testId="person-repeat"
      />
    </>
  );
}
