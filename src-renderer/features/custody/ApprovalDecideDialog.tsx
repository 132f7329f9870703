import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/use-action.js';
import { approvalDecideInput, type ApprovalDecision, type ApprovalProblem } from './custody-view.js';

interface Props {
  approvalId: number;
  decision: ApprovalDecision;
  onCancel(): void;
  onDone(): void;
}

/**
 * The head signs an export approval with their own key: the password is asked now, lives in this
 * dialog's state only and goes with the one command (as the sign-off dialog does).
 */
export function ApprovalDecideDialog({ approvalId, decision, onCancel, onDone }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<ApprovalProblem[]>([]);
  const decide = useAction();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const request = approvalDecideInput(approvalId, decision, reason, password);
    setProblems(request.ok ? [] : request.problems);
    if (!request.ok) return;
    const answer = await decide.run('export.decide', request.input);
    setPassword('');
    if (answer) onDone();
  };
  // A wrong password is refused as "unauthenticated", whose usual sentence says to sign in again: here it is the password.
  const errorText = decide.error?.code === 'unauthenticated' ? t('signoff.dialog.wrongPassword') : undefined;
  return (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby={`${id}-title`}
      data-testid="approval-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <h2 id={`${id}-title`}>{t(decision === 'approved' ? 'approvals.approveTitle' : 'approvals.rejectTitle', { id: approvalId })}</h2>
        <label htmlFor={`${id}-reason`}>{t(decision === 'approved' ? 'signoff.dialog.noteOptional' : 'signoff.dialog.reason')}</label>
        <textarea id={`${id}-reason`} value={reason} maxLength={2000} rows={3} onChange={(event) => setReason(event.target.value)} data-testid="approval-reason" />
        {problems.includes('reason-needed') ? (
          <span className="field-error" role="alert">
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
          data-testid="approval-password"
        />
        {problems.includes('password-needed') ? (
          <span className="field-error" role="alert">
            {t('signoff.dialog.passwordNeeded')}
          </span>
        ) : null}
        {decide.error ? <ErrorMessage error={decide.error} text={errorText} testId="approval-error" /> : null}
        <div className="actions">
          <button type="button" onClick={onCancel}>
            {t('common.back')}
          </button>
          <button type="submit" className={decision === 'approved' ? 'primary' : 'danger'} disabled={decide.busy} data-testid="approval-sign">
            {decide.busy ? t('signoff.dialog.signing') : t(decision === 'approved' ? 'signoff.approve' : 'signoff.reject')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
