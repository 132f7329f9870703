import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkRecord } from '../../../src-main/contract/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import type { Decision } from '../../components/signed-decision.js';
import { deviceLabel, officerLabel } from '../../format/people.js';
import { useAction } from '../../hooks/use-action.js';
import { useSession } from '../../state/session.js';
import { useStation } from '../../state/station-context.js';
import { WorkRecordDecideDialog } from './WorkRecordDecideDialog.js';
import { actionsFor } from './work-record-view.js';

interface Props {
  records: readonly WorkRecord[];
  onChanged(): void;
}

/** The records with where each stands, the head's reason, and what this user may do next. */
export function WorkRecordList({ records, onChanged }: Props) {
  const { t } = useTranslation();
  const { formatTime } = useStation();
  const { status } = useSession();
  const [deciding, setDeciding] = useState<{ id: number; decision: Decision } | null>(null);
  const [printed, setPrinted] = useState<{ id: number; path: string } | null>(null);
  const action = useAction();
  const file = async (id: number) => {
    if (await action.run('workRecords.file', { id })) onChanged();
  };
  // The station writes the form under its data folder and says where, as the ledger export does.
  const print = async (id: number) => {
    setPrinted(null);
    const written = await action.run('workRecords.form', { id });
    if (written) setPrinted({ id, path: written.path });
  };
  return (
    <>
      {action.error ? <ErrorMessage error={action.error} testId="workrecords-action-error" /> : null}
      {printed ? (
        <p className="saved" role="status" data-testid="workrecords-printed">
          {t('workRecords.printed', { id: printed.id })} <span className="mono break">{printed.path}</span>
        </p>
      ) : null}
      <table className="history" data-testid="workrecords-table">
        <thead>
          <tr>
            <th scope="col">{t('workRecords.columns.id')}</th>
            <th scope="col">{t('workRecords.columns.device')}</th>
            <th scope="col">{t('workRecords.columns.officer')}</th>
            <th scope="col">{t('workRecords.columns.span')}</th>
            <th scope="col">{t('workRecords.columns.reason')}</th>
            <th scope="col">{t('workRecords.columns.state')}</th>
            <th scope="col">{t('workRecords.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {records.map((record) => {
            const may = actionsFor(record, status);
            return (
              <tr key={record.id} data-testid="workrecord-row" data-record-id={record.id} data-state={record.state}>
                <td className="num">{record.id}</td>
                <td>{deviceLabel(record.device)}</td>
                <td>{record.officer ? officerLabel(record.officer) : '—'}</td>
                <td className="num nowrap">
                  {formatTime(record.from)} – {formatTime(record.to)}
                </td>
                <td>
                  <strong>{t(`workRecords.reason.${record.reason}`)}</strong>
                  <div data-testid="workrecord-explanation-text">
                    {record.explanation}
                  </div>
                  {record.gapFinding ? null : <div className="muted">{t('workRecords.noGapLinked')}</div>}
                </td>
                <td>
                  <span className={`badge workrecord-${record.state}`} data-testid="workrecord-state">
                    {t(`workRecords.state.${record.state}`)}
                  </span>
                  {record.decidedBy ? <div className="muted">{t('workRecords.decidedBy', { who: record.decidedBy, at: formatTime(record.decidedAt) })}</div> : null}
                  {record.decisionReason ? (
                    <div className="signoff-reason-short" data-testid="workrecord-decision-reason">
                      {record.decisionReason}
                    </div>
                  ) : null}
                </td>
                <td className="actions">
                  {may.decide ? (
                    <>
                      <button type="button" className="danger" onClick={() => setDeciding({ id: record.id, decision: 'rejected' })} data-testid="workrecord-reject">
                        {t('workRecords.reject')}
                      </button>
                      <button type="button" className="primary" onClick={() => setDeciding({ id: record.id, decision: 'approved' })} data-testid="workrecord-approve">
                        {t('workRecords.approve')}
                      </button>
                    </>
                  ) : null}
                  {may.file ? (
                    <button type="button" disabled={action.busy} onClick={() => void file(record.id)} data-testid="workrecord-file">
                      {t('workRecords.file')}
                    </button>
                  ) : null}
                  <button type="button" disabled={action.busy} onClick={() => void print(record.id)} data-testid="workrecord-print">
                    {t('workRecords.print')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {deciding ? (
        <WorkRecordDecideDialog
          id={deciding.id}
          decision={deciding.decision}
          onCancel={() => setDeciding(null)}
          onDone={() => {
            setDeciding(null);
            onChanged();
          }}
        />
      ) : null}
    </>
  );
}
