import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import type { Decision } from '../../components/signed-decision.js';
import { useCommand } from '../../hooks/use-command.js';
import { useStation } from '../../state/station-context.js';
import { ApprovalDecideDialog } from './ApprovalDecideDialog.js';

/** The head's export approvals (Art. 14): the requests waiting first, each approved or rejected with a signature. */
export function ExportApprovals() {
  const { t } = useTranslation();
  const { formatTime } = useStation();
  const list = useCommand('export.approvals', {});
  const [deciding, setDeciding] = useState<{ id: number; decision: Decision } | null>(null);
  const rows = [...(list.value ?? [])].sort((a, b) => Number(b.state === 'requested') - Number(a.state === 'requested') || b.id - a.id);
  return (
    <section className="custody-section" aria-labelledby="approvals-heading" data-testid="export-approvals">
      <div className="page-head">
        <h3 id="approvals-heading">{t('approvals.title')}</h3>
        <button type="button" className="link" onClick={list.reload}>
          {t('common.refresh')}
        </button>
      </div>
      {list.state === 'failed' ? <ErrorMessage error={list.error} /> : null}
      {list.state === 'ready' && rows.length === 0 ? <p className="muted">{t('approvals.empty')}</p> : null}
      {rows.length > 0 ? (
        <table className="ledger">
          <thead>
            <tr>
              <th>{t('approvals.id')}</th>
              <th>{t('approvals.recordings')}</th>
              <th>{t('approvals.requestedBy')}</th>
              <th>{t('approvals.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="approval-row" data-state={row.state}>
                <td className="num">{row.id}</td>
                <td className="num">{row.recordingIds.length}</td>
                <td>
                  {row.requestedBy} <span className="muted">{formatTime(row.requestedAt)}</span>
                </td>
                <td>
                  {t(`approvals.states.${row.state}`)}
                  {row.decidedBy ? <span className="muted"> · {row.decidedBy}</span> : null}
                  {row.reason ? <span className="muted"> · {row.reason}</span> : null}
                </td>
                <td>
                  {row.state === 'requested' ? (
                    <>
                      <button type="button" className="primary" onClick={() => setDeciding({ id: row.id, decision: 'approved' })} data-testid="approval-approve">
                        {t('signoff.approve')}
                      </button>{' '}
                      <button type="button" className="danger" onClick={() => setDeciding({ id: row.id, decision: 'rejected' })} data-testid="approval-reject">
                        {t('signoff.reject')}
                      </button>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {deciding ? (
        <ApprovalDecideDialog
          approvalId={deciding.id}
          decision={deciding.decision}
          onCancel={() => setDeciding(null)}
          onDone={() => {
            setDeciding(null);
            list.reload();
          }}
        />
      ) : null}
    </section>
  );
}
