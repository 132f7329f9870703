import { useTranslation } from 'react-i18next';
import type { SignoffEntry } from '../../../src-main/contract/index.js';
import { useStation } from '../../state/station-context.js';

interface Props {
  entries: readonly SignoffEntry[];
  chosen: string | null;
  onChoose(entry: SignoffEntry): void;
}

/** One row per import: what it was, who made it, and where its sign-off stands. */
export function SignoffList({ entries, chosen, onChoose }: Props) {
  const { t } = useTranslation();
  const { formatTime } = useStation();
  return (
    <table className="history" data-testid="signoff-table">
      <thead>
        <tr>
          <th scope="col">{t('signoff.columns.started')}</th>
          <th scope="col">{t('signoff.columns.device')}</th>
          <th scope="col">{t('signoff.columns.operator')}</th>
          <th scope="col">{t('signoff.columns.files')}</th>
          <th scope="col">{t('signoff.columns.state')}</th>
          <th scope="col">{t('signoff.columns.signer')}</th>
          <th scope="col">{t('signoff.columns.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr
            key={entry.ingestId}
            className={chosen === entry.ingestId ? 'open' : undefined}
            data-testid="signoff-row"
            data-ingest-id={entry.ingestId}
            data-state={entry.state}
          >
            <td className="num nowrap">{formatTime(entry.startedAt)}</td>
            <td className="ellipsis device-cell" title={entry.device ?? undefined}>
              {entry.device ?? '—'}
            </td>
            <td>{entry.operator}</td>
            <td>
              {t('signoff.fileCount', { n: entry.files })}
              {entry.findingCount > 0 ? (
                <>
                  {' '}
                  <span className="pill pill-warn">{t('findings.count', { n: entry.findingCount })}</span>
                </>
              ) : null}
            </td>
            <td>
              <span className={`badge signoff-${entry.state}`} data-testid="signoff-row-state">
                {t(`signoff.state.${entry.state}`)}
              </span>
              {entry.state === 'rejected' && entry.reason ? (
                <div className="signoff-reason-short" data-testid="signoff-row-reason">
                  {entry.reason}
                </div>
              ) : null}
            </td>
            <td>{entry.signer ? `${entry.signer} · ${formatTime(entry.signedAt)}` : '—'}</td>
            <td className="actions">
              <button type="button" onClick={() => onChoose(entry)} aria-pressed={chosen === entry.ingestId} data-testid="signoff-open">
                {t('signoff.open')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
