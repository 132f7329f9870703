import { SignedDecisionDialog, type SignedDecisionTestIds, type SignedDecisionTexts } from '../../components/SignedDecisionDialog.js';
import type { Decision } from '../../components/signed-decision.js';

const texts: SignedDecisionTexts = {
  title: { approved: 'discs.dialog.approveTitle', rejected: 'discs.dialog.rejectTitle' },
  body: { approved: 'discs.dialog.approveBody', rejected: 'discs.dialog.rejectBody' },
  reason: 'signoff.dialog.reason',
  submit: { approved: 'discs.approve', rejected: 'discs.reject' },
};
const testIds: SignedDecisionTestIds = {
  dialog: 'disc-decide-dialog',
  reason: 'disc-decision-reason-input',
  reasonNeeded: 'disc-reason-needed',
  password: 'disc-password',
  passwordNeeded: 'disc-password-needed',
  error: 'disc-sign-error',
  cancel: 'disc-decide-cancel',
  sign: 'disc-sign',
};

/** The lead (the head, for confidential footage) signs a disc request's decision with their own key. */
export function DiscDecideDialog({ requestId, caseName, decision, onCancel, onDone }: { requestId: number; caseName: string; decision: Decision; onCancel(): void; onDone(): void }) {
  return (
    <SignedDecisionDialog
      decision={decision}
      texts={texts}
      titleValues={{ id: requestId, name: caseName }}
      testIds={testIds}
      send={(run, signed) => run('discs.decide', { requestId, ...signed })}
      onCancel={onCancel}
      onDone={onDone}
    />
  );
}
