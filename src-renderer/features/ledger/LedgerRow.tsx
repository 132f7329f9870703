import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerEntry } from '../../../src-main/contract/index.js';
import { formatBytes } from '../../format/bytes.js';
import { formatDuration } from '../../format/duration.js';
import { deviceLabel } from '../../format/people.js';
import type { TimeFormatter } from '../../format/station-time.js';
import { LateReasonForm } from './LateReasonForm.js';
import { preUseChecks } from './checkout-form.js';

/** Two times share a column (out and expected back; back and deadline), one line each, so the book fits the clerk's screen. */
export const ledgerColumns = ['device', 'officer', 'out', 'back', 'state', 'lateReason', 'checks', 'activity', 'content'] as const;

/** One check-out as the ledger book has it (Art. 4): who, what, when, the checks, and what came off the recorder. */
export function LedgerRow({ entry, formatTime }: { entry: LedgerEntry; formatTime: TimeFormatter }) {
  const { t } = useTranslation();
  const [giving, setGiving] = useState(false);
  const { activity, content } = entry;
  const reasonMissing = entry.state === 'late' && entry.lateReason === null;
  return (
    <tr data-testid="ledger-row" data-checkout={entry.checkoutId} data-serial={entry.device.serial} data-state={entry.state}>
      <td data-testid="ledger-device">{deviceLabel(entry.device)}</td>
      <td data-testid="ledger-officer">
        {entry.officer.name} <span className="mono muted">{entry.officer.officerNumber}</span>
      </td>
      <td data-testid="ledger-out">
        <span className="time-line num">{formatTime(entry.checkedOutAt)}</span>
        {entry.expectedReturnAt ? <span className="time-line num muted">{t('ledger.expected', { time: formatTime(entry.expectedReturnAt) })}</span> : null}
      </td>
      <td data-testid="ledger-back">
        {entry.returnedAt ? <span className="time-line num">{formatTime(entry.returnedAt)}</span> : <span className="muted">{t('ledger.notBack')}</span>}
        {entry.deadline ? <span className="time-line num muted">{t('ledger.deadline', { time: formatTime(entry.deadline) })}</span> : null}
      </td>
      <td>
        <span className={`badge checkout-${entry.state}`} data-testid="ledger-state">
          {t(`checkoutState.${entry.state}`)}
        </span>
        {entry.remote ? <span className="pill pill-warn">{t('ledger.remote')}</span> : null}
        {entry.condition && entry.condition !== 'ok' ? <span className="pill pill-bad">{t(`returnCondition.${entry.condition}`)}</span> : null}
      </td>
      <td data-testid="ledger-late-reason">
        {entry.lateReason ?? null}
        {reasonMissing ? (
          <>
            <strong className="reason-missing" data-testid="reason-missing">
              {t('ledger.reasonMissing')}
            </strong>{' '}
            {giving ? (
              <LateReasonForm checkoutId={entry.checkoutId} onSaved={() => setGiving(false)} onCancel={() => setGiving(false)} />
            ) : (
              <button type="button" className="link" onClick={() => setGiving(true)} data-testid="give-late-reason">
                {t('lateReason.give')}
              </button>
            )}
          </>
        ) : null}
        {entry.lateReason === null && !reasonMissing ? '—' : null}
      </td>
      <td data-testid="ledger-checks">
        {/* A check-out is only made with every check passed; the book still says which, should one differ. */}
        {preUseChecks.every((check) => entry.checks[check] === 'ok')
          ? t('ledger.checksAllOk')
          : preUseChecks.map((check) => (
              <span key={check} className={`check-result check-${entry.checks[check]}`}>
                {t(`checkout.checks.${check}`)} {t(`checkout.answer.${entry.checks[check]}`)}
              </span>
            ))}
      </td>
      <td data-testid="ledger-activity">
        {activity.category ? <div>{t(`activityCategory.${activity.category}`)}</div> : null}
        {activity.caseNumber || activity.caseName ? <div>{[activity.caseNumber, activity.caseName].filter(Boolean).join(' ')}</div> : null}
        {activity.place ? <div className="muted">{activity.place}</div> : null}
        {!activity.category && !activity.caseNumber && !activity.caseName && !activity.place ? '—' : null}
      </td>
      <td data-testid="ledger-content">
        {content.recordings === 0 ? (
          <span className="muted">{t('ledger.noContent')}</span>
        ) : (
          <>
            <div>{t('ledger.contentSummary', { n: content.recordings, duration: formatDuration(content.durationSeconds), size: formatBytes(content.bytes) })}</div>
            <span className="time-line num muted">{formatTime(content.firstRecordedAt)} –</span>
            <span className="time-line num muted">{formatTime(content.lastRecordedAt)}</span>
          </>
        )}
      </td>
    </tr>
  );
}
