import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useCommand } from '../../hooks/use-command.js';
import { useSession } from '../../state/session.js';
import { useStation } from '../../state/station-context.js';
import { GapList } from './GapList.js';
import { WorkRecordForm } from './WorkRecordForm.js';
import { WorkRecordList } from './WorkRecordList.js';
import { emptyValues, mayAddWorkRecord, submittedFirst, valuesFromGap, type WorkRecordValues } from './work-record-view.js';

/**
 * Interruption work records (停录工作记录, Art. 12): the pauses found in imported footage that no
 * record explains yet, the records with the head's decision, and the form to fill one in.
 */
export function WorkRecordsPage() {
  const { t } = useTranslation();
  const { info } = useStation();
  const { status } = useSession();
  const gaps = useCommand('workRecords.gaps', {});
  const records = useCommand('workRecords.list', {});
  // The form's starting values; a new object (and key) each time it opens, from a gap or empty.
  const [draft, setDraft] = useState<{ values: WorkRecordValues; round: number } | null>(null);
  const reload = () => {
    gaps.reload();
    records.reload();
  };
  const open = (values: WorkRecordValues) => setDraft((previous) => ({ values, round: (previous?.round ?? 0) + 1 }));
  const mayAdd = mayAddWorkRecord(status);
  return (
    <div className="page" data-testid="workrecords-page">
      <div className="page-head">
        <h2>{t('workRecords.title')}</h2>
        <button type="button" className="link" onClick={reload}>
          {t('common.refresh')}
        </button>
        {mayAdd && !draft ? (
          <button type="button" className="primary" onClick={() => open(emptyValues())} data-testid="workrecords-new">
            {t('workRecords.new')}
          </button>
        ) : null}
      </div>
      <p className="muted hint">{t('workRecords.intro')}</p>
      {draft ? (
        <WorkRecordForm
          key={draft.round}
          initial={draft.values}
          onCancel={() => setDraft(null)}
          onDone={() => {
            setDraft(null);
            reload();
          }}
        />
      ) : null}
      <section className="panel" aria-labelledby="workrecords-gaps-title" data-testid="workrecords-gaps">
        <h3 id="workrecords-gaps-title">{t('workRecords.gapsTitle')}</h3>
        {gaps.state === 'failed' ? <ErrorMessage error={gaps.error} /> : null}
        {gaps.state === 'ready' && gaps.value.length === 0 ? (
          <p className="muted" data-testid="workrecords-no-gaps">
            {t('workRecords.noGaps')}
          </p>
        ) : null}
        {gaps.value && gaps.value.length > 0 ? <GapList gaps={gaps.value} mayAdd={mayAdd} onFill={(gap) => open(valuesFromGap(gap, info.zone))} /> : null}
      </section>
      <section className="panel" aria-labelledby="workrecords-list-title" data-testid="workrecords-records">
        <h3 id="workrecords-list-title">{t('workRecords.listTitle')}</h3>
        {records.state === 'failed' ? <ErrorMessage error={records.error} /> : null}
        {records.state === 'ready' && records.value.length === 0 ? (
          <p className="muted" data-testid="workrecords-none">
            {t('workRecords.none')}
          </p>
        ) : null}
        {records.value && records.value.length > 0 ? <WorkRecordList records={submittedFirst(records.value)} onChanged={reload} /> : null}
      </section>
    </div>
  );
}
