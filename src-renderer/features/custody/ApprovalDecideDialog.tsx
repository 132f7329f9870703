import { SignedDecisionDialog, type SignedDecisionTestIds, type SignedDecisionTexts } from '../../components/SignedDecisionDialog.js';
import type { Decision } from '../../components/signed-decision.js';

const texts: SignedDecisionTexts = {
  title: { approved: 'approvals.approveTitle', rejected: 'approvals.rejectTitle' },
  reason: 'signoff.dialog.reason',
  submit: { approved: 'signoff.approve', rejected: 'signoff.reject' },
};
const testIds: SignedDecisionTestIds = {
  dialog: 'approval-dialog',
  reason: 'approval-reason',
  reasonNeeded: 'approval-reason-needed',
  password: 'approval-password',
  passwordNeeded: 'approval-password-needed',
  error: 'approval-error',
  cancel: 'approval-cancel',
  sign: 'approval-sign',
};

/** The head signs an export approval with their own key. */
export function ApprovalDecideDialog({ approvalId, decision, onCancel, onDone }: { approvalId: number; decision: Decision; onCancel(): void; onDone(): void }) {
  return (
    <SignedDecisionDialog
      decision={decision}
      texts={texts}
      titleValues={{ id: approvalId }}
      testIds={testIds}
      send={(run, signed) => run('export.decide', { id: approvalId, ...signed })}
      onCancel={onCancel}
      onDone={onDone}
    />
  );
}
