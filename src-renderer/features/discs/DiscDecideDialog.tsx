import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/use-action.js';
import { decideDiscInput, type DecideProblem, type DiscDecision } from './disc-view.js';

interface Props {
  requestId: number;
  caseName: string;
  decision: DiscDecision;
  onCancel(): void;
  onDone(): void;
}

/**
 * The lead (the head, for confidential footage) signs the decision with their own key, as at
 * sign-off: the password is asked now, lives in this dialog's state only and goes with the one command.
 */
export function DiscDecideDialog({ requestId, caseName, decision, onCancel, onDone }: Props) {
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
    const request = decideDiscInput(requestId, decision, reason, password);
    setProblems(request.ok ? [] : request.problems);
    if (!request.ok) return;
    const decided = await sign.run('discs.decide', request.input);
    setPassword('');
    if (decided) onDone();
  };
  // A wrong password is refused as "unauthenticated", whose usual sentence says to sign in again: here it is the password.
  const errorText = sign.error?.code === 'unauthenticated' ? t('signoff.dialog.wrongPassword') : undefined;
  const approving = decision === 'approved';
  return (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby={`${id}-title`}
      data-testid="disc-decide-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <h2 id={`${id}-title`}>{t(approving ? 'discs.dialog.approveTitle' : 'discs.dialog.rejectTitle', { id: requestId, name: caseName })}</h2>
        <p>{t(approving ? 'discs.dialog.approveBody' : 'discs.dialog.rejectBody')}</p>
        <label htmlFor={`${id}-reason`}>{t(approving ? 'signoff.dialog.noteOptional' : 'signoff.dialog.reason')}</label>
        <textarea
          id={`${id}-reason`}
          value={reason}
          maxLength={2000}
          rows={3}
          onChange={(event) => setReason(event.target.value)}
          aria-invalid={problems.includes('reason-needed') || undefined}
          data-testid="disc-decision-reason-input"
        />
        {problems.includes('reason-needed') ? (
          <span className="field-error" role="alert" data-testid="disc-reason-needed">
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
          data-testid="disc-password"
        />
        {problems.includes('password-needed') ? (
          <span className="field-error" role="alert" data-testid="disc-password-needed">
            {t('signoff.dialog.passwordNeeded')}
          </span>
        ) : null}
        {sign.error ? <ErrorMessage error={sign.error} text={errorText} testId="disc-sign-error" /> : null}
        <div className="actions">
          <button type="button" onClick={onCancel} data-testid="disc-decide-cancel">
            {t('common.back')}
          </button>
          <button type="submit" className={approving ? 'primary' : 'danger'} disabled={sign.busy} data-testid="disc-sign">
            {sign.busy ? t('signoff.dialog.signing') : t(approving ? 'discs.approve' : 'discs.reject')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
