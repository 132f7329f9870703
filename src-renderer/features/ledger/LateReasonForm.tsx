import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/use-action.js';

interface Props {
  checkoutId: number;
  onSaved(): void;
  onCancel?: () => void;
}

/** Art. 13: a late ingest is never refused, but it needs its reason; the lead reads it at sign-off. */
export function LateReasonForm({ checkoutId, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const [empty, setEmpty] = useState(false);
  const save = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    setEmpty(text === '');
    if (text === '') return;
    if (await save.run('ledger.lateReason', { checkoutId, reason: text })) onSaved();
  };
  return (
    <form className="late-reason-form" onSubmit={(event) => void submit(event)} noValidate data-testid="late-reason-form">
      <label htmlFor={`${id}-reason`}>{t('lateReason.label')}</label>
      <textarea
        id={`${id}-reason`}
        value={reason}
        maxLength={2000}
        rows={2}
        placeholder={t('lateReason.placeholder')}
        onChange={(event) => setReason(event.target.value)}
        aria-invalid={empty || undefined}
        data-testid="late-reason-text"
      />
      {empty ? (
        <span className="field-error" role="alert" data-testid="late-reason-empty">
          {t('lateReason.empty')}
        </span>
      ) : null}
      {save.error ? <ErrorMessage error={save.error} testId="late-reason-error" /> : null}
      <div className="actions">
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t('common.back')}
          </button>
        ) : null}
        <button type="submit" className="primary" disabled={save.busy} data-testid="late-reason-save">
          {t('lateReason.save')}
        </button>
      </div>
    </form>
  );
}
