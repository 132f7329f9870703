import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/use-action.js';
import { decideWorkRecordInput, type DecideProblem, type WorkRecordDecision } from './work-record-view.js';

interface Props {
  id: number;
  decision: WorkRecordDecision;
  onCancel(): void;
  onDone(): void;
}

/**
 * The head signs a decision with their own key: the password is asked now, lives in this dialog's
 * state only and goes with the one command.
 */
export function WorkRecordDecideDialog({ id: recordId, decision, onCancel, onDone }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<DecideProblem[]>([]);
  const sign = useAction();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const request = decideWorkRecordInput(recordId, decision, reason, password);
    setProblems(request.ok ? [] : request.problems);
    if (!request.ok) return;
    const record = await sign.run('workRecords.decide', request.input);
    setPassword('');
    if (record) onDone();
  };
  // A wrong password is refused as "unauthenticated", whose usual sentence says to sign in again: here it is the password.
  const errorText = sign.error?.code === 'unauthenticated' ? t('signoff.dialog.wrongPassword') : undefined;
  const approving = decision === 'approved';
  return (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby={`${id}-title`}
      data-testid="workrecord-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <h2 id={`${id}-title`}>{t(approving ? 'workRecords.dialog.approveTitle' : 'workRecords.dialog.rejectTitle', { id: recordId })}</h2>
        <p>{t(approving ? 'workRecords.dialog.approveBody' : 'workRecords.dialog.rejectBody')}</p>
        <label htmlFor={`${id}-reason`}>{t(approving ? 'signoff.dialog.noteOptional' : 'workRecords.dialog.reason')}</label>
        <textarea
          id={`${id}-reason`}
          value={reason}
          maxLength={2000}
          rows={3}
          onChange={(event) => setReason(event.target.value)}
          aria-invalid={problems.includes('reason-needed') || undefined}
          data-testid="workrecord-decision-reason-input"
        />
        {problems.includes('reason-needed') ? (
          <span className="field-error" role="alert" data-testid="workrecord-reason-needed">
            {t('signoff.dialog.reasonNeeded')}
          </span>
        ) : null}
        <label htmlFor={`${id}-password`}>{t('signoff.dialog.password')}</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={problems.includes('password-needed') || undefined}
          data-testid="workrecord-password"
        />
        {problems.includes('password-needed') ? (
          <span className="field-error" role="alert" data-testid="workrecord-password-needed">
            {t('signoff.dialog.passwordNeeded')}
          </span>
        ) : null}
        {sign.error ? <ErrorMessage error={sign.error} text={errorText} testId="workrecord-sign-error" /> : null}
        <div className="actions">
          <button type="button" onClick={onCancel} data-testid="workrecord-dialog-cancel">
            {t('common.back')}
          </button>
          <button type="submit" className={approving ? 'primary' : 'danger'} disabled={sign.busy} data-testid="workrecord-sign">
            {sign.busy ? t('signoff.dialog.signing') : t(approving ? 'workRecords.approve' : 'workRecords.reject')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
