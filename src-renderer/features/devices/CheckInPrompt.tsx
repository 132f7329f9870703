import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachedVolume } from '../../../src-main/contract/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/use-action.js';
import { useStation } from '../../state/station-context.js';

/**
 * A recorder plugged in while the ledger has it out: the desk took it back when it was plugged in,
 * so that is the time the check-in records (Art. 13's deadline runs from it), not the click.
 * Once checked in the volume comes back without its check-out; the answer stays on the card.
 * On a compact rack card the card already names the officer: the question goes to the tooltip and
 * the button says what it does in one line.
 */
export function CheckInPrompt({ volume, compact }: { volume: AttachedVolume; compact: boolean }) {
  const { t } = useTranslation();
  const { formatTime } = useStation();
  const checkin = useAction();
  const [deadline, setDeadline] = useState<string | null>(null);
  const serial = volume.device?.serial;
  const checkout = volume.openCheckout;
  const run = async () => {
    if (!serial) return;
    const receipt = await checkin.run('ledger.checkin', { deviceSerial: serial, at: volume.attachedAt });
    if (receipt) setDeadline(receipt.deadline);
  };
  if (deadline) {
    return (
      <p className="saved" role="status" data-testid="checkin-prompt-done">
        {t('plugIn.done', { deadline: formatTime(deadline) })}
      </p>
    );
  }
  if (!serial || !checkout) return null;
  const question = t('plugIn.question', { officer: checkout.officerName, number: checkout.officerNumber, since: formatTime(checkout.checkedOutAt) });
  return (
    <div className="checkin-prompt" data-testid="checkin-prompt" data-checkout={checkout.checkoutId} title={compact ? question : undefined}>
      {compact ? null : <p>{question}</p>}
      {checkin.error ? (
        <ErrorMessage error={checkin.error} testId="checkin-prompt-error" text={checkin.error.code === 'device-unavailable' ? t('checkin.notOut') : undefined} />
      ) : null}
      <button type="button" className="primary" disabled={checkin.busy} onClick={() => void run()} data-testid="checkin-prompt-yes">
        {compact ? t('plugIn.checkInShort') : t('plugIn.checkIn', { time: formatTime(volume.attachedAt) })}
      </button>
    </div>
  );
}
