import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands, Role, type Person } from '../../src-main/contract/index.js';
import {
  newPersonInput,
  personChange,
  personFormValues,
  roleChoices,
  validateAccount,
  validatePersonForm,
  type PersonFormValues,
} from '../../src-renderer/features/people/person-form.js';
import { lookup } from './renderer-fixtures.js';

const officer: Person = { id: 4, name: '赵执法', officerNumber: '012345', certNumber: 'ZF-1', unit: '一中队', roles: ['officer'], login: null, active: true };

const locale = (file: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, '../../src-renderer/i18n', file), 'utf8'));

const filled = (change: Partial<PersonFormValues>): PersonFormValues => ({ ...personFormValues(null), name: '李内勤', ...change });

describe('the person form', () => {
  it('offers exactly the contract’s roles', () => {
    expect([...roleChoices].sort()).toEqual([...Role.options].sort());
  });

  it('starts as an officer without an account, and filled for an edit', () => {
    expect(personFormValues(null)).toMatchObject({ name: '', roles: ['officer'], withAccount: false, active: true });
    expect(personFormValues(officer)).toMatchObject({ name: '赵执法', officerNumber: '012345', unit: '一中队', login: '' });
  });

  it('names each problem by field, as locale keys both languages hold', () => {
    const errors = validatePersonForm(filled({ name: ' ', officerNumber: '12345', roles: [], unit: 'x'.repeat(201) }), 'none');
    expect(errors).toEqual({ name: 'people.errors.nameRequired', officerNumber: 'people.errors.officerNumber', roles: 'people.errors.roles', unit: 'people.errors.tooLong' });
    expect(validateAccount({ login: 'li clerk', password: 'short', repeat: 'short' })).toEqual({ login: 'people.errors.login', password: 'people.errors.passwordShort' });
    expect(validateAccount({ login: 'li.clerk', password: 'long-enough', repeat: 'long-enougH' })).toEqual({ repeat: 'people.errors.repeat' });
    const keys = [...Object.values(errors), 'people.errors.login', 'people.errors.passwordShort', 'people.errors.passwordLong', 'people.errors.repeat'];
    for (const file of ['zh-CN.json', 'en.json']) for (const key of keys) expect(typeof lookup(locale(file), key), `${file} ${key}`).toBe('string');
  });

  it('asks for an account only when one is wanted', () => {
    expect(validatePersonForm(filled({}), 'as-chosen')).toEqual({});
    expect(Object.keys(validatePersonForm(filled({ withAccount: true }), 'as-chosen'))).toEqual(['login', 'password']);
    expect(Object.keys(validatePersonForm(filled({}), 'required'))).toEqual(['login', 'password']);
  });

  it('makes inputs the contract accepts: blanks left out on adding, cleared on editing, the officer number upper-cased', () => {
    const values = filled({ officerNumber: ' ab12cd ', unit: '  ', roles: ['admin', 'clerk'], withAccount: true, login: 'li.clerk', password: 'clerk-pass-1', repeat: 'clerk-pass-1' });
    expect(validatePersonForm(values, 'as-chosen')).toEqual({});
    const added = newPersonInput(values, true);
    expect(added).toEqual({ name: '李内勤', officerNumber: 'AB12CD', certNumber: undefined, unit: undefined, roles: ['clerk', 'admin'], login: 'li.clerk', password: 'clerk-pass-1' });
    expect(commands['people.add'].input.safeParse(added).success).toBe(true);
    expect(newPersonInput(values, false)).not.toHaveProperty('login');

    const change = personChange(officer.id, { ...personFormValues(officer), unit: '', active: false });
    expect(change).toEqual({ id: 4, name: '赵执法', officerNumber: '012345', certNumber: 'ZF-1', unit: null, roles: ['officer'], active: false });
    expect(commands['people.update'].input.safeParse(change).success).toBe(true);
  });

  it('refuses what the contract refuses, so the admin reads it beside the field', () => {
    for (const [officerNumber, login, password] of [['01234', 'ok', 'long-enough'], ['012345', 'no spaces', 'long-enough'], ['012345', 'ok', 'seven77']] as const) {
      const values = filled({ officerNumber, login, password, repeat: password });
      expect(Object.keys(validatePersonForm(values, 'required')).length, `${officerNumber} ${login} ${password}`).toBe(1);
      expect(commands['people.add'].input.safeParse({ name: values.name, officerNumber, login, password }).success).toBe(false);
    }
  });
});
