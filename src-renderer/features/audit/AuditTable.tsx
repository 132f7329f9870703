import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../src-main/contract/index.js';
import { useStation } from '../../state/station-context.js';
import { actionKey, roleKey } from './audit-words.js';

const columns = ['seq', 'at', 'actor', 'role', 'action', 'object', 'details'] as const;

/** One page of the chain: who did what to which object, and what the row says besides. */
export function AuditTable({ rows }: { rows: readonly AuditRow[] }) {
  const { t } = useTranslation();
  const { formatTime } = useStation();
  const word = (key: string | null, raw: string) => (key === null ? raw : t(key));
  return (
    <table className="history audit-table" data-testid="audit-table">
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {t(`audit.columns.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const details = JSON.stringify(row.details);
          return (
            <tr key={row.seq} data-testid="audit-row" data-seq={row.seq} data-action={row.action}>
              <td className="mono">{row.seq}</td>
              <td>{formatTime(row.at)}</td>
              <td>{row.actor}</td>
              {/* A sign-in row names every role the person holds, comma-separated. */}
              <td>{row.role.split(',').map((role) => word(roleKey(role), role)).join(t('audit.roleSeparator'))}</td>
              <td title={row.action}>{word(actionKey(row.action), row.action)}</td>
              <td className="mono">{row.object ?? '—'}</td>
              <td className="mono audit-details" title={details}>
                {details}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
