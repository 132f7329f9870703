import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { maxLength, minPasswordLength, type PersonField, type PersonFormErrors } from './person-form.js';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  field: PersonField;
  label: string;
  required?: boolean;
  errors: PersonFormErrors | null;
  onText(text: string): void;
  testId: string;
}

/** One labelled text field of a person's form, with what is wrong with it underneath. */
export function PersonInput({ field, label, required, errors, onText, testId, ...input }: Props) {
  const { t } = useTranslation();
  const errorKey = errors?.[field];
  const errorId = `${testId}-error`;
  return (
    <label>
      <span>
        {label} {required ? <span className="required">{t('deviceForm.required')}</span> : null}
      </span>
      <input
        {...input}
        onChange={(event) => onText(event.target.value)}
        aria-invalid={errorKey ? true : undefined}
        aria-describedby={errorKey ? errorId : undefined}
        data-testid={testId}
      />
      {errorKey ? (
        <span className="field-error" id={errorId} data-testid={errorId}>
          {t(errorKey, { max: maxLength(field), min: minPasswordLength })}
        </span>
      ) : null}
    </label>
  );
}
