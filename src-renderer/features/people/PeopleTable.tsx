import { useTranslation } from 'react-i18next';
import type { Person } from '../../../src-main/contract/index.js';

const columns = ['name', 'officerNumber', 'certNumber', 'unit', 'roles', 'login', 'active', 'actions'] as const;

interface Props {
  people: readonly Person[];
  onEdit(person: Person): void;
  onPassword(person: Person): void;
}

export function PeopleTable({ people, onEdit, onPassword }: Props) {
  const { t } = useTranslation();
  if (people.length === 0) {
    return (
      <p className="muted" data-testid="people-empty">
        {t('people.empty')}
      </p>
    );
  }
  return (
    <table className="people" data-testid="people-table">
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {t(`people.columns.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {people.map((person) => (
          <tr key={person.id} data-testid="person-row" data-name={person.name} data-active={person.active}>
            <td>{person.name}</td>
            <td className="mono">{person.officerNumber ?? '—'}</td>
            <td className="mono">{person.certNumber ?? '—'}</td>
            <td>{person.unit ?? '—'}</td>
            <td data-testid="person-row-roles">{person.roles.map((role) => t(`roles.${role}`)).join(t('session.roleSeparator'))}</td>
            <td className="mono" data-testid="person-row-login">
              {person.login ?? <span className="muted">{t('people.noAccount')}</span>}
            </td>
            <td>
              <span className={`badge ${person.active ? 'person-active' : ''}`}>{person.active ? t('people.active') : t('people.inactive')}</span>
            </td>
            <td className="actions">
              <button type="button" className="link" onClick={() => onEdit(person)} data-testid="person-edit">
                {t('people.edit')}
              </button>
              <button type="button" className="link" onClick={() => onPassword(person)} data-testid="person-set-password">
                {person.login ? t('people.setPassword') : t('people.giveAccount')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
