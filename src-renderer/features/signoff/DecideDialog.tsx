import type { SignoffDecision } from '../../../src-main/contract/index.js';
import { SignedDecisionDialog, type SignedDecisionTestIds, type SignedDecisionTexts } from '../../components/SignedDecisionDialog.js';

const texts: SignedDecisionTexts = {
  title: { approved: 'signoff.dialog.approveTitle', rejected: 'signoff.dialog.rejectTitle' },
  body: { approved: 'signoff.dialog.approveBody', rejected: 'signoff.dialog.rejectBody' },
  reason: 'signoff.dialog.reason',
  submit: { approved: 'signoff.approve', rejected: 'signoff.reject' },
};
const testIds: SignedDecisionTestIds = {
  dialog: 'signoff-dialog',
  reason: 'signoff-reason',
  reasonNeeded: 'signoff-reason-needed',
  password: 'signoff-password',
  passwordNeeded: 'signoff-password-needed',
  error: 'signoff-error',
  cancel: 'signoff-cancel',
  sign: 'signoff-sign',
};

/** The lead signs an import's sign-off with their own key. */
export function DecideDialog({ ingestId, decision, onCancel, onDone }: { ingestId: string; decision: SignoffDecision; onCancel(): void; onDone(): void }) {
  return (
    <SignedDecisionDialog
      decision={decision}
      texts={texts}
      testIds={testIds}
      send={(run, signed) => run('signoff.decide', { ingestId, ...signed })}
      onCancel={onCancel}
      onDone={onDone}
    />
  );
}
