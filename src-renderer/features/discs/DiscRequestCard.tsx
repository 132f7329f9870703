import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiscMedia, DiscProgress, DiscRequest } from '../../../src-main/contract/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import type { Decision } from '../../components/signed-decision.js';
import { formatBytes } from '../../format/bytes.js';
import { useAction } from '../../hooks/use-action.js';
import { useSession } from '../../state/session.js';
import { useStation } from '../../state/station-context.js';
import { DiscCard } from './DiscCard.js';
import { DiscDecideDialog } from './DiscDecideDialog.js';
import { discMedia, mediaCapacities, isDiscStaff, mayDecideDisc, mayPlan } from './disc-view.js';

interface Props {
  request: DiscRequest;
  progress: Readonly<Record<string, DiscProgress>>;
  onChanged(): void;
}

/** One request: the case, Art. 16's reason, where it stands and who decided; then its discs and their copies. */
export function DiscRequestCard({ request, progress, onChanged }: Props) {
  const { t } = useTranslation();
  const { formatTime } = useStation();
  const { status } = useSession();
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [media, setMedia] = useState<DiscMedia>(request.media ?? 'dvd+r');
  const plan = useAction();
  const runPlan = async () => {
    if (await plan.run('discs.plan', { requestId: request.requestId, media })) onChanged();
  };
  const titleId = `disc-request-${request.requestId}-title`;
  return (
    <article className="panel disc-request" aria-labelledby={titleId} data-testid="disc-request" data-request-id={request.requestId} data-state={request.state}>
      <header className="disc-request-head">
        <h3 id={titleId}>
          <span className="mono" data-testid="disc-request-case-number-text">
            {request.caseNumber}
          </span>{' '}
          <span data-testid="disc-request-case-name-text">{request.caseName}</span>
        </h3>
        <span className={`badge disc-state-${request.state}`} data-testid="disc-request-state">
          {t(`discs.state.${request.state}`)}
        </span>
        <span className="pill pill-warn" data-testid="disc-request-reason-text">
          {t(`discs.reason.${request.reason}`)}
        </span>
      </header>
      <dl className="facts disc-facts">
        <dt>{t('discs.fields.what')}</dt>
        <dd data-testid="disc-request-source">
          {request.source.kind === 'ingest'
            ? t('discs.what.ingest', { id: request.source.ingestId ?? '' })
            : request.source.kind === 'checkout'
              ? t('discs.what.checkout', { id: request.source.checkoutId ?? '' })
              : t('discs.what.recordings', { count: request.recordingIds.length })}
          {' · '}
          {t('discs.filesBytes', { files: request.files, bytes: formatBytes(request.bytes) })}
        </dd>
        <dt>{t('discs.fields.requested')}</dt>
        <dd data-testid="disc-request-by">{t('discs.byAt', { who: request.requestedBy, at: formatTime(request.requestedAt) })}</dd>
        {request.decidedBy ? (
          <>
            <dt>{t(request.state === 'rejected' ? 'discs.fields.rejected' : 'discs.fields.approved')}</dt>
            <dd data-testid="disc-request-decided">
              {t('discs.signedByAt', { who: request.decidedBy, at: formatTime(request.decidedAt) })}
              {request.statementSha256 ? <span className="muted mono"> · {request.statementSha256.slice(0, 12)}</span> : null}
            </dd>
          </>
        ) : null}
        {request.decisionReason && request.state !== 'rejected' ? (
          <>
            <dt>{t('discs.fields.note')}</dt>
            <dd>{request.decisionReason}</dd>
          </>
        ) : null}
        {request.confidentiality !== 'none' ? (
          <>
            <dt>{t('discs.fields.confidentiality')}</dt>
            <dd>{t('discs.headDecides')}</dd>
          </>
        ) : null}
      </dl>
      {request.state === 'rejected' ? (
        <div className="signoff-rejection" data-testid="disc-request-rejection">
          <strong>{t('discs.rejectedBecause')}</strong>
          <p className="signoff-rejection-reason">{request.decisionReason}</p>
        </div>
      ) : null}
      {plan.error ? <ErrorMessage error={plan.error} testId="disc-plan-error" /> : null}
      <div className="actions">
        {mayDecideDisc(request, status) ? (
          <>
            <button type="button" className="danger" onClick={() => setDeciding('rejected')} data-testid="disc-reject">
              {t('discs.reject')}
            </button>
            <button type="button" className="primary" onClick={() => setDeciding('approved')} data-testid="disc-approve">
              {t('discs.approve')}
            </button>
          </>
        ) : null}
        {mayPlan(request, status) ? (
          <span className="disc-plan">
            <label>
              <span>{t('discs.media')}</span>{' '}
              <select value={media} onChange={(event) => setMedia(discMedia.find((m) => m === event.target.value) ?? 'dvd+r')} data-testid="disc-plan-media">
                {discMedia.map((m) => (
                  <option key={m} value={m}>
                    {t('discs.mediaOption', { name: t(`discs.mediaName.${m}`), bytes: mediaCapacities[m].toLocaleString('en-US') })}
                  </option>
                ))}
              </select>
            </label>{' '}
            <button type="button" className={request.state === 'approved' ? 'primary' : undefined} disabled={plan.busy} onClick={() => void runPlan()} data-testid="disc-plan">
              {request.state === 'approved' ? t('discs.plan') : t('discs.replan')}
            </button>
          </span>
        ) : null}
      </div>
      {request.discs.length > 0 ? (
        <div className="disc-list">
          {request.discs.map((disc) => (
            <DiscCard key={disc.discId} disc={disc} staff={isDiscStaff(status)} progress={progress[disc.discId] ?? null} onChanged={onChanged} />
          ))}
        </div>
      ) : null}
      {deciding ? (
        <DiscDecideDialog
          requestId={request.requestId}
          caseName={request.caseName}
          decision={deciding}
          onCancel={() => setDeciding(null)}
          onDone={() => {
            setDeciding(null);
            onChanged();
          }}
        />
      ) : null}
    </article>
  );
}
