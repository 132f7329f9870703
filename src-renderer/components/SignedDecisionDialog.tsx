import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, type Action } from '../hooks/use-action.js';
import { useModal } from '../hooks/use-modal.js';
import { ErrorMessage } from './ErrorMessage.js';
import { signedDecisionInput, type Decision, type DecisionProblem, type SignedDecision } from './signed-decision.js';

/** Locale keys of what differs between the places that sign a decision. */
export interface SignedDecisionTexts {
  title: Record<Decision, string>;
  /** What signing means there; the export approval says nothing more than its title. */
  body?: Record<Decision, string>;
  /** The reason's label when rejecting; approving, the same field is an optional note. */
  reason: string;
  submit: Record<Decision, string>;
}

/** The e2e tests find each part by these; every place keeps its own. */
export interface SignedDecisionTestIds {
  dialog: string;
  reason: string;
  reasonNeeded: string;
  password: string;
  passwordNeeded: string;
  error: string;
  cancel: string;
  sign: string;
}

interface Props {
  decision: Decision;
  texts: SignedDecisionTexts;
  /** Placeholders of the title ({{id}}, {{name}}). */
  titleValues?: Record<string, string | number>;
  testIds: SignedDecisionTestIds;
  /** The one command that carries the decision: its output, or undefined when it failed (`run` keeps the error). */
  send(run: Action['run'], signed: SignedDecision): Promise<unknown>;
  onCancel(): void;
  onDone(): void;
}

/**
 * Signing asks for the signer's password now, even though they are signed in: it unlocks their own
 * key for this one signature. It lives in this dialog's state only and goes with the one command.
 * Modal via the native <dialog>: focus trapping and Escape come from the browser.
 */
export function SignedDecisionDialog({ decision, texts, titleValues, testIds, send, onCancel, onDone }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useModal();
  const [reason, setReason] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<DecisionProblem[]>([]);
  const sign = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const request = signedDecisionInput(decision, reason, password);
    setProblems(request.ok ? [] : request.problems);
    if (!request.ok) return;
    const output = await send(sign.run, request.input);
    setPassword('');
    if (output) onDone();
  };
  // A wrong password is refused as "unauthenticated", whose usual sentence says to sign in again: here it is the password.
  const errorText = sign.error?.code === 'unauthenticated' ? t('signoff.dialog.wrongPassword') : undefined;
  const approving = decision === 'approved';
  return (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby={`${id}-title`}
      data-testid={testIds.dialog}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <h2 id={`${id}-title`}>{t(texts.title[decision], titleValues)}</h2>
        {texts.body ? <p>{t(texts.body[decision])}</p> : null}
        <label htmlFor={`${id}-reason`}>{approving ? t('signoff.dialog.noteOptional') : t(texts.reason)}</label>
        <textarea
          id={`${id}-reason`}
          value={reason}
          maxLength={2000}
          rows={3}
          onChange={(event) => setReason(event.target.value)}
          aria-invalid={problems.includes('reason-needed') || undefined}
          data-testid={testIds.reason}
        />
        {problems.includes('reason-needed') ? (
          <span className="field-error" role="alert" data-testid={testIds.reasonNeeded}>
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
          data-testid={testIds.password}
        />
        {problems.includes('password-needed') ? (
          <span className="field-error" role="alert" data-testid={testIds.passwordNeeded}>
            {t('signoff.dialog.passwordNeeded')}
          </span>
        ) : null}
        {sign.error ? <ErrorMessage error={sign.error} text={errorText} testId={testIds.error} /> : null}
        <div className="actions">
          <button type="button" onClick={onCancel} data-testid={testIds.cancel}>
            {t('common.back')}
          </button>
          <button type="submit" className={approving ? 'primary' : 'danger'} disabled={sign.busy} data-testid={testIds.sign}>
            {sign.busy ? t('signoff.dialog.signing') : t(texts.submit[decision])}
          </button>
        </div>
      </form>
    </dialog>
  );
}
