import type { Person, Role } from '../../../src-main/contract/index.js';
import type { CommandInput } from '../../api/types.js';

/** The form's fields as typed: text stays text until it is saved. */
export interface PersonFormValues {
  name: string;
  officerNumber: string;
  certNumber: string;
  unit: string;
  roles: Role[];
  active: boolean;
  /** Whether the new person gets an account (a login and a password); officers usually do not. */
  withAccount: boolean;
  login: string;
  password: string;
  repeat: string;
}

export type PersonField = 'name' | 'officerNumber' | 'certNumber' | 'unit' | 'roles' | 'login' | 'password' | 'repeat';
/** Per field, the locale key of what is wrong with it. */
export type PersonFormErrors = Partial<Record<PersonField, string>>;

/** The contract's roles in the order the form offers them (a unit test keeps them equal to the contract's). */
export const roleChoices: readonly Role[] = ['officer', 'clerk', 'lead', 'head', 'auditor', 'admin'];

// The contract's limits, checked here first so the admin reads the problem beside the field.
const limits = { name: 100, certNumber: 64, unit: 200 } as const;
const officerNumberPattern = /^[A-Za-z0-9]{6}$/;
const loginPattern = /^[A-Za-z0-9._-]{1,64}$/;
export const minPasswordLength = 8;
const maxPasswordLength = 1024;

export function personFormValues(person: Person | null, roles: Role[] = ['officer']): PersonFormValues {
  return {
    name: person?.name ?? '',
    officerNumber: person?.officerNumber ?? '',
    certNumber: person?.certNumber ?? '',
    unit: person?.unit ?? '',
    roles: person?.roles ?? roles,
    active: person?.active ?? true,
    withAccount: false,
    login: person?.login ?? '',
    password: '',
    repeat: '',
  };
}

/** A login and a password typed twice, as an account needs them. */
export function validateAccount(values: Pick<PersonFormValues, 'login' | 'password' | 'repeat'>): PersonFormErrors {
  const errors: PersonFormErrors = {};
  if (!loginPattern.test(values.login.trim())) errors.login = 'people.errors.login';
  if (values.password.length < minPasswordLength) errors.password = 'people.errors.passwordShort';
  else if (values.password.length > maxPasswordLength) errors.password = 'people.errors.passwordLong';
  else if (values.password !== values.repeat) errors.repeat = 'people.errors.repeat';
  return errors;
}

export function validatePersonForm(values: PersonFormValues, account: 'none' | 'as-chosen' | 'required'): PersonFormErrors {
  const errors: PersonFormErrors = {};
  const name = values.name.trim();
  if (name === '') errors.name = 'people.errors.nameRequired';
  else if (name.length > limits.name) errors.name = 'people.errors.tooLong';
  const officerNumber = values.officerNumber.trim();
  if (officerNumber !== '' && !officerNumberPattern.test(officerNumber)) errors.officerNumber = 'people.errors.officerNumber';
  if (values.certNumber.trim().length > limits.certNumber) errors.certNumber = 'people.errors.tooLong';
  if (values.unit.trim().length > limits.unit) errors.unit = 'people.errors.tooLong';
  if (values.roles.length === 0) errors.roles = 'people.errors.roles';
  const wantsAccount = account === 'required' || (account === 'as-chosen' && values.withAccount);
  return wantsAccount ? { ...errors, ...validateAccount(values) } : errors;
}

/** The longest a field may be, for the message that says so. */
export const maxLength = (field: PersonField): number | undefined => (field in limits ? limits[field as keyof typeof limits] : undefined);

const optional = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/** A new person: blank optional fields are left out, the account only when one is given. */
export function newPersonInput(values: PersonFormValues, account: boolean): CommandInput<'people.add'> {
  return {
    name: values.name.trim(),
    officerNumber: optional(values.officerNumber)?.toUpperCase(),
    certNumber: optional(values.certNumber),
    unit: optional(values.unit),
    roles: roleChoices.filter((role) => values.roles.includes(role)),
    ...(account ? { login: values.login.trim(), password: values.password } : {}),
  };
}

/** What an edit changes; a field emptied is cleared. */
export function personChange(id: number, values: PersonFormValues): CommandInput<'people.update'> {
  return {
    id,
    name: values.name.trim(),
    officerNumber: optional(values.officerNumber)?.toUpperCase() ?? null,
    certNumber: optional(values.certNumber) ?? null,
    unit: optional(values.unit) ?? null,
    roles: roleChoices.filter((role) => values.roles.includes(role)),
    active: values.active,
  };
}
