import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandOutput } from '../../api/types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/use-action.js';
import { useCommand } from '../../hooks/use-command.js';
import { useStation } from '../../state/station-context.js';
import { CalibrationClockPage } from '../calibration/CalibrationClockPage.js';
import { CheckButtons } from './CheckButtons.js';
import { activityCategories, checkoutRequest, emptyCheckout, preUseChecks, type CheckoutErrors, type CheckoutValues } from './checkout-form.js';

interface Props {
  onDone(receipt: CommandOutput<'ledger.checkout'>): void;
  onCancel(): void;
}

/** Art. 4 and 7: who takes which recorder for what, and the three checks made before it leaves the desk. */
export function CheckoutForm({ onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const { info } = useStation();
  const devices = useCommand('devices.list', {});
  const people = useCommand('people.list', {});
  const open = useCommand('ledger.deadlines', {});
  const [values, setValues] = useState<CheckoutValues>(emptyCheckout);
  const [errors, setErrors] = useState<CheckoutErrors | null>(null);
  const [showClock, setShowClock] = useState(false);
  const save = useAction();

  // Offered once the station said which are out: a recorder out must never show as available, not even for a moment.
  const out = open.value ? new Set(open.value.filter((d) => d.state === 'out' || d.state === 'overdue-return').map((d) => d.device.id)) : null;
  const available = out ? (devices.value ?? []).filter((device) => device.status === 'in-service' && !out.has(device.id)) : [];
  const officers = (people.value ?? []).filter((person) => person.active && person.officerNumber !== null);

  const update = (next: CheckoutValues) => {
    setValues(next);
    if (errors) setErrors(checkoutRequest(next, info.zone).errors);
  };
  const set = <K extends keyof CheckoutValues>(field: K, value: CheckoutValues[K]) => update({ ...values, [field]: value });
  const fieldError = (field: keyof CheckoutErrors) => {
    const key = errors?.[field];
    return key ? (
      <span className="field-error" data-testid={`checkout-${field}-error`}>
        {t(key)}
      </span>
    ) : null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { errors: found, request } = checkoutRequest(values, info.zone);
    setErrors(found);
    if (!request) return;
    const receipt = await save.run('ledger.checkout', request);
    if (receipt) onDone(receipt);
  };

  return (
    <form className="panel ledger-form" onSubmit={(event) => void submit(event)} noValidate data-testid="checkout-form" aria-labelledby="checkout-title">
      <h3 id="checkout-title">{t('checkout.title')}</h3>
      {save.error ? <ErrorMessage error={save.error} testId="checkout-error" /> : null}
      <div className="form-grid">
        <label>
          <span>{t('checkout.device')}</span>
          <select value={values.deviceSerial} onChange={(event) => set('deviceSerial', event.target.value)} data-testid="checkout-device">
            <option value="">{t('checkout.choose')}</option>
            {available.map((device) => (
              <option key={device.id} value={device.serial}>
                {device.name ? `${device.name} (${device.serial})` : device.serial}
              </option>
            ))}
          </select>
          {fieldError('deviceSerial')}
        </label>
        <label>
          <span>{t('checkout.officer')}</span>
          <select value={values.officerNumber} onChange={(event) => set('officerNumber', event.target.value)} data-testid="checkout-officer">
            <option value="">{t('checkout.choose')}</option>
            {officers.map((person) => (
              <option key={person.id} value={person.officerNumber ?? ''}>
                {`${person.name} (${person.officerNumber ?? ''})`}
              </option>
            ))}
          </select>
          {fieldError('officerNumber')}
        </label>
        <label>
          <span>{t('checkout.category')}</span>
          <select
            value={values.category}
            onChange={(event) => set('category', activityCategories.find((c) => c === event.target.value) ?? '')}
            data-testid="checkout-category"
          >
            <option value="">{t('checkout.choose')}</option>
            {activityCategories.map((category) => (
              <option key={category} value={category}>
                {t(`activityCategory.${category}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('checkout.caseNumber')}</span>
          <input value={values.caseNumber} maxLength={100} onChange={(event) => set('caseNumber', event.target.value)} data-testid="checkout-case-number" />
        </label>
        <label>
          <span>{t('checkout.caseName')}</span>
          <input value={values.caseName} maxLength={200} onChange={(event) => set('caseName', event.target.value)} data-testid="checkout-case-name" />
        </label>
        <label>
          <span>{t('checkout.place')}</span>
          <input value={values.place} maxLength={200} onChange={(event) => set('place', event.target.value)} data-testid="checkout-place" />
        </label>
        <label>
          <span>{t('checkout.expectedReturn')}</span>
          <input type="datetime-local" value={values.expectedReturn} onChange={(event) => set('expectedReturn', event.target.value)} data-testid="checkout-expected-return" />
          {fieldError('expectedReturn')}
        </label>
        <label className="switch">
          <input type="checkbox" checked={values.remote} onChange={(event) => set('remote', event.target.checked)} data-testid="checkout-remote" />
          {t('checkout.remote')}
        </label>
      </div>
      <h4>{t('checkout.checksTitle')}</h4>
      <p className="muted hint">{t('checkout.checksHint')}</p>
      <div className="checks-grid">
        {preUseChecks.map((check) => (
          <CheckButtons
            key={check}
            check={check}
            value={values.checks[check]}
            error={errors?.[check]}
            onChange={(answer) => update({ ...values, checks: { ...values.checks, [check]: answer } })}
          />
        ))}
      </div>
      <p>
        <button type="button" className="link" onClick={() => setShowClock(true)} data-testid="checkout-show-clock">
          {t('checkout.showClock')}
        </button>
      </p>
      <div className="actions">
        <button type="button" onClick={onCancel} data-testid="checkout-cancel">
          {t('common.back')}
        </button>
        <button type="submit" className="primary" disabled={save.busy} data-testid="checkout-save">
          {t('checkout.save')}
        </button>
      </div>
      {showClock ? (
        // Over the form, not instead of it: the answers given so far stay while the officer films the clock.
        <div className="calibration-overlay" data-testid="checkout-clock">
          <CalibrationClockPage onClose={() => setShowClock(false)} />
        </div>
      ) : null}
    </form>
  );
}
