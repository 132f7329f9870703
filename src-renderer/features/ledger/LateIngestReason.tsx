import { useTranslation } from 'react-i18next';
import { useCommand } from '../../hooks/use-command.js';
import { useStation } from '../../state/station-context.js';
import { LateReasonForm } from './LateReasonForm.js';
import { useLedgerChanges } from './use-ledger-changes.js';

/**
 * At the end of an ingest: if it came after its recorder's deadline (Art. 13), ask why now, while
 * the clerk remembers. The footage is archived either way; the reason can also be given later on
 * the ledger.
 */
export function LateIngestReason({ deviceId }: { deviceId: number | null }) {
  const { t } = useTranslation();
  const { formatTime } = useStation();
  const deadlines = useCommand('ledger.deadlines', deviceId === null ? null : {});
  useLedgerChanges(deadlines.reload);
  // The deadlines list holds a late check-out exactly while its reason is missing.
  const late = (deadlines.value ?? []).filter((d) => d.state === 'late' && d.device.id === deviceId);
  if (late.length === 0) return null;
  return (
    <div className="late-ingest" role="alert" data-testid="late-ingest">
      {late.map((d) => (
        <div key={d.checkoutId} data-checkout={d.checkoutId}>
          <p>
            <strong>{t('lateReason.ingestLate', { returned: formatTime(d.returnedAt), deadline: formatTime(d.deadline) })}</strong>
          </p>
          <LateReasonForm checkoutId={d.checkoutId} onSaved={deadlines.reload} />
        </div>
      ))}
    </div>
  );
}
