import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deadline, LedgerEntry } from '../../../src-main/contract/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { deviceLabel } from '../../format/people.js';
import { stationDay } from '../../format/zoned-time.js';
import { useCommand } from '../../hooks/use-command.js';
import { routeHref } from '../../state/route.js';
import { useStation } from '../../state/station-context.js';
import { Countdown } from './Countdown.js';
import { LateReasonForm } from './LateReasonForm.js';
import { useLedgerChanges } from './use-ledger-changes.js';
import { useUnattributed } from './use-unattributed.js';

/** Late check-outs and unattributed footage stay on the board for this many days, for the lead to see. */
const lateDays = 30;
/** The newest unattributed recordings named on the board; the count says how many there are. */
const shownUnattributed = 5;

/**
 * Art. 13 at a glance on the first page: recorders out, recorders back whose footage must be
 * stored before a deadline (counting down on the station's clock), and ingests that came too late.
 */
export function DeadlineBoard() {
  const { t } = useTranslation();
  const { info, offsetMs, formatTime } = useStation();
  const deadlines = useCommand('ledger.deadlines', {});
  // Fixed when the page opens: a query that changed every second would ask the station every second.
  const [since] = useState(() => stationDay(Date.now() + offsetMs, info.zone, lateDays));
  const recent = useCommand('ledger.list', { from: since });
  const unattributed = useUnattributed(since, shownUnattributed);
  useLedgerChanges(() => {
    deadlines.reload();
    recent.reload();
    unattributed.reload();
  });
  const open = deadlines.value ?? [];
  const out = open.filter((d) => d.state === 'out' || d.state === 'overdue-return');
  const awaiting = open.filter((d) => d.state === 'returned' || d.state === 'overdue');
  const late = (recent.value ?? []).filter((entry) => entry.state === 'late');
  const error = deadlines.state === 'failed' ? deadlines.error : recent.state === 'failed' ? recent.error : null;

  return (
    <section className="panel board" aria-labelledby="board-heading" data-testid="deadline-board">
      <div className="panel-head">
        <h3 id="board-heading">{t('board.title')}</h3>
        <a href={routeHref({ page: 'ledger' })} data-testid="board-ledger-link">
          {t('board.toLedger')}
        </a>
      </div>
      {error ? <ErrorMessage error={error} testId="board-error" /> : null}
      <div className="board-columns">
        <BoardList title={t('board.out')} empty={t('board.noneOut')} testId="board-out" count={out.length}>
          {out.map((d) => (
            <li key={d.checkoutId} data-testid="board-out-item" data-checkout={d.checkoutId} data-state={d.state}>
              <Who deadline={d} />
              {d.state === 'overdue-return' ? <span className="pill pill-bad">{t('checkoutState.overdue-return')}</span> : null}
            </li>
          ))}
        </BoardList>
        <BoardList title={t('board.awaiting')} empty={t('board.noneAwaiting')} testId="board-awaiting" count={awaiting.length}>
          {awaiting.map((d) => (
            <li key={d.checkoutId} data-testid="board-awaiting-item" data-checkout={d.checkoutId}>
              <Who deadline={d} />
              {d.deadline ? <Countdown deadline={d.deadline} /> : null}
            </li>
          ))}
        </BoardList>
        <BoardList title={t('board.late')} empty={t('board.noneLate')} testId="board-late" count={late.length}>
          {late.map((entry) => (
            <LateItem key={entry.checkoutId} entry={entry} />
          ))}
        </BoardList>
        <BoardList
          title={t('board.unattributed')}
          empty={t('board.noneUnattributed')}
          testId="board-unattributed"
          count={unattributed.value?.total ?? 0}
        >
          {(unattributed.value?.recordings ?? []).map((recording) => (
            <li key={recording.id} data-testid="board-unattributed-item" data-recording={recording.id}>
              <a className="ellipsis" href={routeHref({ page: 'recordings', ingestId: recording.ingestId })} title={recording.originalName}>
                {recording.originalName}
              </a>
              <span className="num muted">{formatTime(recording.recordedAt)}</span>
            </li>
          ))}
        </BoardList>
      </div>
    </section>
  );
}

interface BoardListProps {
  title: string;
  empty: string;
  count: number;
  testId: string;
  children: ReactNode;
}

function BoardList({ title, empty, count, testId, children }: BoardListProps) {
  return (
    <div className="board-list" data-testid={testId}>
      <h4>
        {title} <span className="badge" data-testid={`${testId}-count`}>{count}</span>
      </h4>
      {count === 0 ? <p className="muted">{empty}</p> : <ul>{children}</ul>}
    </div>
  );
}

function Who({ deadline }: { deadline: Pick<Deadline, 'device' | 'officer'> }) {
  return (
    <span className="board-who">
      <span>{deviceLabel(deadline.device)}</span> <span className="muted">{deadline.officer.name}</span>
    </span>
  );
}

function LateItem({ entry }: { entry: LedgerEntry }) {
  const { t } = useTranslation();
  const [giving, setGiving] = useState(false);
  return (
    <li data-testid="board-late-item" data-checkout={entry.checkoutId}>
      <Who deadline={entry} />
      {entry.lateReason !== null ? (
        <span className="late-reason" data-testid="board-late-reason">
          {entry.lateReason}
        </span>
      ) : (
        <>
          <strong className="reason-missing" data-testid="reason-missing">
            {t('ledger.reasonMissing')}
          </strong>
          {giving ? (
            <LateReasonForm checkoutId={entry.checkoutId} onSaved={() => setGiving(false)} onCancel={() => setGiving(false)} />
          ) : (
            <button type="button" className="link" onClick={() => setGiving(true)} data-testid="give-late-reason">
              {t('lateReason.give')}
            </button>
          )}
        </>
      )}
    </li>
  );
}
