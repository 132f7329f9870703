import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandOutput } from '../../api/types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { wallTimeAt } from '../../format/zoned-time.js';
import { useAction } from '../../hooks/use-action.js';
import { useCommand } from '../../hooks/use-command.js';
import { useStation } from '../../state/station-context.js';
import { checkinRequest, returnConditions, type CheckinErrors, type CheckinValues } from './checkin-form.js';

interface Props {
  onDone(receipt: CommandOutput<'ledger.checkin'>): void;
  onCancel(): void;
}

/** The recorder back at the desk (Art. 8, 13): when, in what state, and when the officer was at the scene. */
export function CheckinForm({ onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const { info, offsetMs } = useStation();
  const open = useCommand('ledger.deadlines', {});
  const [values, setValues] = useState<CheckinValues>(() => ({
    deviceSerial: '',
    returnedAt: wallTimeAt(Date.now() + offsetMs, info.zone),
    returnedAtChanged: false,
    condition: 'ok',
    note: '',
    arrivedAt: '',
    leftAt: '',
  }));
  const [errors, setErrors] = useState<CheckinErrors | null>(null);
  const save = useAction();
  const out = (open.value ?? []).filter((d) => d.state === 'out' || d.state === 'overdue-return');

  const set = <K extends keyof CheckinValues>(field: K, value: CheckinValues[K]) => {
    const next = { ...values, [field]: value, ...(field === 'returnedAt' ? { returnedAtChanged: true } : {}) };
    setValues(next);
    if (errors) setErrors(checkinRequest(next, info.zone).errors);
  };
  const fieldError = (field: keyof CheckinErrors) => {
    const key = errors?.[field];
    return key ? (
      <span className="field-error" data-testid={`checkin-${field}-error`}>
        {t(key)}
      </span>
    ) : null;
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { errors: found, request } = checkinRequest(values, info.zone);
    setErrors(found);
    if (!request) return;
    const receipt = await save.run('ledger.checkin', request);
    if (receipt) onDone(receipt);
  };

  return (
    <form className="panel ledger-form" onSubmit={(event) => void submit(event)} noValidate data-testid="checkin-form" aria-labelledby="checkin-title">
      <h3 id="checkin-title">{t('checkin.title')}</h3>
      {save.error ? <ErrorMessage error={save.error} testId="checkin-error" text={save.error.code === 'device-unavailable' ? t('checkin.notOut') : undefined} /> : null}
      {open.value && out.length === 0 ? (
        <p className="muted" data-testid="checkin-none-out">
          {t('checkin.noneOut')}
        </p>
      ) : null}
      <div className="form-grid">
        <label>
          <span>{t('checkin.device')}</span>
          <select value={values.deviceSerial} onChange={(event) => set('deviceSerial', event.target.value)} data-testid="checkin-device">
            <option value="">{t('checkout.choose')}</option>
            {out.map((d) => (
              <option key={d.checkoutId} value={d.device.serial}>
                {t('checkin.deviceOption', { device: d.device.name ? `${d.device.name} (${d.device.serial})` : d.device.serial, officer: d.officer.name })}
              </option>
            ))}
          </select>
          {fieldError('deviceSerial')}
        </label>
        <label>
          <span>{t('checkin.returnedAt')}</span>
          <input type="datetime-local" value={values.returnedAt} onChange={(event) => set('returnedAt', event.target.value)} data-testid="checkin-returned-at" />
          {fieldError('returnedAt')}
        </label>
        <label>
          <span>{t('checkin.condition')}</span>
          <select
            value={values.condition}
            onChange={(event) => set('condition', returnConditions.find((c) => c === event.target.value) ?? 'ok')}
            data-testid="checkin-condition"
          >
            {returnConditions.map((condition) => (
              <option key={condition} value={condition}>
                {t(`returnCondition.${condition}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('checkin.arrivedAt')}</span>
          <input type="datetime-local" value={values.arrivedAt} onChange={(event) => set('arrivedAt', event.target.value)} data-testid="checkin-arrived-at" />
          {fieldError('arrivedAt')}
        </label>
        <label>
          <span>{t('checkin.leftAt')}</span>
          <input type="datetime-local" value={values.leftAt} onChange={(event) => set('leftAt', event.target.value)} data-testid="checkin-left-at" />
          {fieldError('leftAt')}
        </label>
        <label>
          <span>{t('checkin.note')}</span>
          <textarea value={values.note} maxLength={2000} rows={2} onChange={(event) => set('note', event.target.value)} data-testid="checkin-note" />
        </label>
      </div>
      <p className="muted hint">{t('checkin.sceneHint')}</p>
      <div className="actions">
        <button type="button" onClick={onCancel} data-testid="checkin-cancel">
          {t('common.back')}
        </button>
        <button type="submit" className="primary" disabled={save.busy} data-testid="checkin-save">
          {t('checkin.save')}
        </button>
      </div>
    </form>
  );
}
