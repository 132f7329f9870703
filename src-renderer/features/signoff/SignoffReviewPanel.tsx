import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignoffDecision, SignoffEntry } from '../../../src-main/contract/index.js';
import { ClockDriftLine } from '../../components/ClockDriftLine.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { officerLabel } from '../../format/people.js';
import { useCommand } from '../../hooks/use-command.js';
import { useStation } from '../../state/station-context.js';
import { FindingList } from '../ingests/FindingList.js';
import { DecideDialog } from './DecideDialog.js';
import { SignoffCheckouts } from './SignoffCheckouts.js';
import { SignoffFiles } from './SignoffFiles.js';
import { SignoffHistory } from './SignoffHistory.js';
import { rejection } from './signoff-view.js';

interface Props {
  entry: SignoffEntry;
  onDecided(): void;
}

/** Everything the lead reads before signing one import (Art. 13), and the two ways to sign it. */
export function SignoffReviewPanel({ entry, onDecided }: Props) {
  const { t } = useTranslation();
  const { formatTime } = useStation();
  const review = useCommand('signoff.review', { ingestId: entry.ingestId });
  const [deciding, setDeciding] = useState<SignoffDecision | null>(null);
  if (review.state === 'failed') return <ErrorMessage error={review.error} testId="signoff-review-error" />;
  if (!review.value) return <p className="muted">{t('common.loading')}</p>;
  const { ingest, officers, checkouts, history, cannotSign, state } = review.value;
  const rejected = rejection(review.value);
  return (
    <section className="panel signoff-review" aria-labelledby="signoff-review-title" data-testid="signoff-review" data-state={state}>
      <div className="panel-head">
        <h3 id="signoff-review-title">{t('signoff.reviewTitle', { device: entry.device ?? '—' })}</h3>
        <span className={`badge signoff-${state}`} data-testid="signoff-review-state">
          {t(`signoff.state.${state}`)}
        </span>
      </div>
      {rejected ? (
        <div className="signoff-rejection" role="alert" data-testid="signoff-rejection">
          <strong>{t('signoff.rejectedBy', { signer: rejected.signer, at: formatTime(rejected.signedAt) })}</strong>
          <p className="signoff-rejection-reason" data-testid="signoff-rejection-reason">
            {rejected.reason ?? '—'}
          </p>
        </div>
      ) : null}
      <dl className="facts" data-testid="signoff-facts">
        <dt>{t('signoff.facts.device')}</dt>
        <dd data-testid="signoff-device">{entry.device ?? '—'}</dd>
        <dt>{t('signoff.facts.officers')}</dt>
        <dd data-testid="signoff-officers">
          {officers.length === 0 ? '—' : officers.map(officerLabel).join('、')}
        </dd>
        <dt>{t('signoff.facts.operator')}</dt>
        <dd data-testid="signoff-operator">{review.value.operator}</dd>
        <dt>{t('signoff.facts.started')}</dt>
        <dd>{formatTime(entry.startedAt)}</dd>
        <dt>{t('signoff.facts.finished')}</dt>
        <dd>{formatTime(entry.finishedAt)}</dd>
        <dt>{t('signoff.facts.archive')}</dt>
        <dd className="mono">{ingest.archivePath}</dd>
      </dl>
      <h4>{t('signoff.clock')}</h4>
      <ClockDriftLine drift={ingest.clockDrift} testId="signoff-drift" />
      <FindingList findings={ingest.findings} formatTime={formatTime} deviceId={ingest.deviceId} />
      <SignoffFiles files={ingest.files} />
      <SignoffCheckouts checkouts={checkouts} />
      <SignoffHistory history={history} />
      <div className="actions signoff-actions">
        {cannotSign ? (
          <p className="muted" data-testid="signoff-cannot-sign" data-reason={cannotSign}>
            {t(`signoff.cannotSign.${cannotSign}`)}
          </p>
        ) : null}
        <button type="button" className="danger" disabled={cannotSign !== null} onClick={() => setDeciding('rejected')} data-testid="signoff-reject">
          {t('signoff.reject')}
        </button>
        <button type="button" className="primary" disabled={cannotSign !== null} onClick={() => setDeciding('approved')} data-testid="signoff-approve">
          {t('signoff.approve')}
        </button>
      </div>
      {deciding ? (
        <DecideDialog
          ingestId={entry.ingestId}
          decision={deciding}
          onCancel={() => setDeciding(null)}
          onDone={() => {
            setDeciding(null);
            review.reload();
            onDecided();
          }}
        />
      ) : null}
    </section>
  );
}
