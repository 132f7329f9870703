import { SignedDecisionDialog, type SignedDecisionTestIds, type SignedDecisionTexts } from '../../components/SignedDecisionDialog.js';
import type { Decision } from '../../components/signed-decision.js';

const texts: SignedDecisionTexts = {
  title: { approved: 'workRecords.dialog.approveTitle', rejected: 'workRecords.dialog.rejectTitle' },
  body: { approved: 'workRecords.dialog.approveBody', rejected: 'workRecords.dialog.rejectBody' },
  reason: 'workRecords.dialog.reason',
  submit: { approved: 'workRecords.approve', rejected: 'workRecords.reject' },
};
const testIds: SignedDecisionTestIds = {
  dialog: 'workrecord-dialog',
  reason: 'workrecord-decision-reason-input',
  reasonNeeded: 'workrecord-reason-needed',
  password: 'workrecord-password',
  passwordNeeded: 'workrecord-password-needed',
  error: 'workrecord-sign-error',
  cancel: 'workrecord-dialog-cancel',
  sign: 'workrecord-sign',
};

/** The head signs a decision on a work record with their own key. */
export function WorkRecordDecideDialog({ id, decision, onCancel, onDone }: { id: number; decision: Decision; onCancel(): void; onDone(): void }) {
  return (
    <SignedDecisionDialog
      decision={decision}
      texts={texts}
      titleValues={{ id }}
      testIds={testIds}
      send={(run, signed) => run('workRecords.decide', { id, ...signed })}
      onCancel={onCancel}
      onDone={onDone}
    />
  );
}
