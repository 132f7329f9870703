import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { deviceLabel } from '../../format/people.js';
import { useAction } from '../../hooks/use-action.js';
import { useCommand } from '../../hooks/use-command.js';
import { useStation } from '../../state/station-context.js';
import { interruptionReasons, workRecordRequest, type WorkRecordErrors, type WorkRecordValues } from './work-record-view.js';

interface Props {
  initial: WorkRecordValues;
  onDone(): void;
  onCancel(): void;
}

/** One interruption (Art. 12): which recorder, from when to when on the station's clock, why, and what shows it. */
export function WorkRecordForm({ initial, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const { info } = useStation();
  const devices = useCommand('devices.list', {});
  const [values, setValues] = useState<WorkRecordValues>(initial);
  // Nothing is marked before the first submit; from then on the marks follow what is typed.
  const [checked, setChecked] = useState(false);
  const errors = checked ? workRecordRequest(values, info.zone).errors : null;
  const save = useAction();
  const set = <K extends keyof WorkRecordValues>(field: K, value: WorkRecordValues[K]) => {
    setValues({ ...values, [field]: value });
  };
  const fieldError = (field: keyof WorkRecordErrors) => {
    const key = errors?.[field];
    return key ? (
      <span className="field-error" data-testid={`workrecord-${field}-error`}>
        {t(key)}
      </span>
    ) : null;
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { request } = workRecordRequest(values, info.zone);
    setChecked(true);
    if (!request) return;
    if (await save.run('workRecords.add', request)) onDone();
  };
  const listed = devices.value ?? [];
  // A gap's device may no longer be listed (retired): it is offered all the same.
  const serials = listed.some((d) => d.serial === values.deviceSerial) || values.deviceSerial === '' ? listed : [...listed, { serial: values.deviceSerial, name: null }];
  return (
    <form className="panel ledger-form" onSubmit={(event) => void submit(event)} noValidate data-testid="workrecord-form" aria-labelledby="workrecord-form-title">
      <h3 id="workrecord-form-title">{t('workRecords.form.title')}</h3>
      {save.error ? <ErrorMessage error={save.error} testId="workrecord-error" /> : null}
      <div className="form-grid">
        <label>
          <span>{t('workRecords.form.device')}</span>
          <select value={values.deviceSerial} onChange={(event) => set('deviceSerial', event.target.value)} data-testid="workrecord-device">
            <option value="">{t('checkout.choose')}</option>
            {serials.map((d) => (
              <option key={d.serial} value={d.serial}>
                {deviceLabel(d)}
              </option>
            ))}
          </select>
          {fieldError('deviceSerial')}
        </label>
        <label>
          <span>{t('workRecords.form.from')}</span>
          <input type="datetime-local" value={values.from} onChange={(event) => set('from', event.target.value)} data-testid="workrecord-from" />
          {fieldError('from')}
        </label>
        <label>
          <span>{t('workRecords.form.to')}</span>
          <input type="datetime-local" value={values.to} onChange={(event) => set('to', event.target.value)} data-testid="workrecord-to" />
          {fieldError('to')}
        </label>
        <label>
          <span>{t('workRecords.form.reason')}</span>
          <select
            value={values.reason}
            onChange={(event) => set('reason', interruptionReasons.find((r) => r === event.target.value) ?? 'fault')}
            data-testid="workrecord-reason"
          >
            {interruptionReasons.map((reason) => (
              <option key={reason} value={reason}>
                {t(`workRecords.reason.${reason}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('workRecords.form.explanation')}</span>
          <textarea value={values.explanation} maxLength={4000} rows={3} onChange={(event) => set('explanation', event.target.value)} data-testid="workrecord-explanation" />
          {fieldError('explanation')}
        </label>
        <label>
          <span>{t('workRecords.form.basis')}</span>
          <textarea value={values.basis} maxLength={4000} rows={2} onChange={(event) => set('basis', event.target.value)} data-testid="workrecord-basis" />
        </label>
        <label>
          <span>{t('workRecords.form.officerNumber')}</span>
          <input value={values.officerNumber} maxLength={20} onChange={(event) => set('officerNumber', event.target.value)} data-testid="workrecord-officer" />
        </label>
      </div>
      <p className="muted hint">{t('workRecords.form.hint')}</p>
      <div className="actions">
        <button type="button" onClick={onCancel} data-testid="workrecord-cancel">
          {t('common.back')}
        </button>
        <button type="submit" className="primary" disabled={save.busy} data-testid="workrecord-save">
          {t('workRecords.form.save')}
        </button>
      </div>
    </form>
  );
}
