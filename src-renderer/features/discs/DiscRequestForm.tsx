import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { deviceLabel, officerLabel } from '../../format/people.js';
import { useAction } from '../../hooks/use-action.js';
import { useCommand } from '../../hooks/use-command.js';
import { useStation } from '../../state/station-context.js';
import { discReasons, discRequestInput, emptyRequest, type RequestErrors, type RequestValues, type SourceKind } from './disc-view.js';

const sourceKinds: readonly SourceKind[] = ['ingest', 'recordings', 'checkout'];

interface Props {
  onDone(): void;
  onCancel(): void;
}

/** A request: what must be kept (an import, recordings, a check-out's footage), Art. 16's reason, the case. */
export function DiscRequestForm({ onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const { formatTime } = useStation();
  const [values, setValues] = useState<RequestValues>(emptyRequest);
  // Nothing is marked before the first submit; from then on the marks follow what is typed.
  const [checked, setChecked] = useState(false);
  const errors = checked ? discRequestInput(values).errors : null;
  const ingests = useCommand('ingest.list', values.kind === 'ingest' ? { limit: 200 } : null);
  const checkouts = useCommand('ledger.list', values.kind === 'checkout' ? {} : null);
  const save = useAction();
  const set = <K extends keyof RequestValues>(field: K, value: RequestValues[K]) => {
    setValues({ ...values, [field]: value });
  };
  const fieldError = (field: keyof RequestErrors) => {
    const key = errors?.[field];
    return key ? (
      <span className="field-error" data-testid={`disc-request-${field}-error`}>
        {t(key)}
      </span>
    ) : null;
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { input } = discRequestInput(values);
    setChecked(true);
    if (!input) return;
    if (await save.run('discs.request', input)) onDone();
  };
  return (
    <form className="panel ledger-form" onSubmit={(event) => void submit(event)} noValidate data-testid="disc-request-form" aria-labelledby="disc-request-title">
      <h3 id="disc-request-title">{t('discs.form.title')}</h3>
      {save.error ? <ErrorMessage error={save.error} testId="disc-request-error" /> : null}
      <div className="form-grid">
        <label>
          <span>{t('discs.form.kind')}</span>
          <select value={values.kind} onChange={(event) => set('kind', sourceKinds.find((k) => k === event.target.value) ?? 'ingest')} data-testid="disc-request-kind">
            {sourceKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`discs.source.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        {values.kind === 'ingest' ? (
          <label>
            <span>{t('discs.form.ingest')}</span>
            <select value={values.ingestId} onChange={(event) => set('ingestId', event.target.value)} data-testid="disc-request-ingest">
              <option value="">{t('checkout.choose')}</option>
              {(ingests.value ?? []).map((ingest) => (
                <option key={ingest.ingestId} value={ingest.ingestId}>
                  {`${formatTime(ingest.startedAt)} · ${ingest.device ?? ingest.source} · ${ingest.operator} · ${ingest.ingestId}`}
                </option>
              ))}
            </select>
            {ingests.state === 'failed' ? <ErrorMessage error={ingests.error} /> : null}
            {fieldError('source')}
          </label>
        ) : null}
        {values.kind === 'recordings' ? (
          <label>
            <span>{t('discs.form.recordings')}</span>
            <input value={values.recordingIds} onChange={(event) => set('recordingIds', event.target.value)} placeholder="12, 13, 14" data-testid="disc-request-recordings" />
            {fieldError('source')}
          </label>
        ) : null}
        {values.kind === 'checkout' ? (
          <label>
            <span>{t('discs.form.checkout')}</span>
            <select value={values.checkoutId} onChange={(event) => set('checkoutId', event.target.value)} data-testid="disc-request-checkout">
              <option value="">{t('checkout.choose')}</option>
              {(checkouts.value ?? []).map((entry) => (
                <option key={entry.checkoutId} value={String(entry.checkoutId)}>
                  {`${formatTime(entry.checkedOutAt)} · ${deviceLabel(entry.device)} · ${officerLabel(entry.officer)}`}
                </option>
              ))}
            </select>
            {checkouts.state === 'failed' ? <ErrorMessage error={checkouts.error} /> : null}
            {fieldError('source')}
          </label>
        ) : null}
        <label>
          <span>{t('discs.form.reason')}</span>
          <select value={values.reason} onChange={(event) => set('reason', discReasons.find((r) => r === event.target.value) ?? 'dispute')} data-testid="disc-request-reason">
            {discReasons.map((reason) => (
              <option key={reason} value={reason}>
                {t(`discs.reason.${reason}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('discs.form.caseNumber')}</span>
          <input value={values.caseNumber} maxLength={100} onChange={(event) => set('caseNumber', event.target.value)} data-testid="disc-request-case-number" />
          {fieldError('caseNumber')}
        </label>
        <label>
          <span>{t('discs.form.caseName')}</span>
          <input value={values.caseName} maxLength={300} onChange={(event) => set('caseName', event.target.value)} data-testid="disc-request-case-name" />
          {fieldError('caseName')}
        </label>
      </div>
      <p className="muted hint">{t('discs.form.hint')}</p>
      <div className="actions">
        <button type="button" onClick={onCancel} data-testid="disc-request-cancel">
          {t('common.back')}
        </button>
        <button type="submit" className="primary" disabled={save.busy} data-testid="disc-request-save">
          {t('discs.form.save')}
        </button>
      </div>
    </form>
  );
}
