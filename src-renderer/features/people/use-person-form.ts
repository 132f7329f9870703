import { useState } from 'react';
import type { PersonFormErrors, PersonFormValues } from './person-form.js';

export interface PersonFormState {
  values: PersonFormValues;
  /** Shown once the admin has tried to save, then kept current as they type. */
  errors: PersonFormErrors | null;
  set<K extends keyof PersonFormValues>(field: K, value: PersonFormValues[K]): void;
  /** Validates for saving: true when nothing is wrong. */
  check(): boolean;
}

export function usePersonForm(initial: () => PersonFormValues, validate: (values: PersonFormValues) => PersonFormErrors): PersonFormState {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<PersonFormErrors | null>(null);
  return {
    values,
    errors,
    set(field, value) {
      const next = { ...values, [field]: value };
      setValues(next);
      if (errors) setErrors(validate(next));
    },
    check() {
      const found = validate(values);
      setErrors(found);
      return Object.keys(found).length === 0;
    },
  };
}
