import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignoffDecision } from '../../../src-main/contract/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/use-action.js';
import { decideInput, type DecideProblem } from './signoff-view.js';

interface Props {
  ingestId: string;
  decision: SignoffDecision;
  onCancel(): void;
  onDone(): void;
}

/**
 * Signing asks for the signer's password now, even though they are signed in: it unlocks their own
 * key for this one signature. It lives in this dialog's state only and goes with the one command.
 */
export function DecideDialog({ ingestId, decision, onCancel, onDone }: Props) {
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
    const request = decideInput(ingestId, decision, reason, password);
    setProblems(request.ok ? [] : request.problems);
    if (!request.ok) return;
    const receipt = await sign.run('signoff.decide', request.input);
    setPassword('');
    if (receipt) onDone();
  };
  // A wrong password is refused as "unauthenticated", whose usual sentence says to sign in again: here it is the password.
  const errorText = sign.error?.code === 'unauthenticated' ? t('signoff.dialog.wrongPassword') : undefined;
  return (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby={`${id}-title`}
      data-testid="signoff-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <h2 id={`${id}-title`}>{t(decision === 'approved' ? 'signoff.dialog.approveTitle' : 'signoff.dialog.rejectTitle')}</h2>
        <p>{t(decision === 'approved' ? 'signoff.dialog.approveBody' : 'signoff.dialog.rejectBody')}</p>
        <label htmlFor={`${id}-reason`}>{t(decision === 'approved' ? 'signoff.dialog.noteOptional' : 'signoff.dialog.reason')}</label>
        <textarea
          id={`${id}-reason`}
          value={reason}
          maxLength={2000}
          rows={3}
          onChange={(event) => setReason(event.target.value)}
          aria-invalid={problems.includes('reason-needed') || undefined}
          data-testid="signoff-reason"
        />
        {problems.includes('reason-needed') ? (
          <span className="field-error" role="alert" data-testid="signoff-reason-needed">
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
          data-testid="signoff-password"
        />
        {problems.includes('password-needed') ? (
          <span className="field-error" role="alert" data-testid="signoff-password-needed">
            {t('signoff.dialog.passwordNeeded')}
          </span>
        ) : null}
        {sign.error ? <ErrorMessage error={sign.error} text={errorText} testId="signoff-error" /> : null}
        <div className="actions">
          <button type="button" onClick={onCancel} data-testid="signoff-cancel">
            {t('common.back')}
          </button>
          <button type="submit" className={decision === 'approved' ? 'primary' : 'danger'} disabled={sign.busy} data-testid="signoff-sign">
            {sign.busy ? t('signoff.dialog.signing') : t(decision === 'approved' ? 'signoff.approve' : 'signoff.reject')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
