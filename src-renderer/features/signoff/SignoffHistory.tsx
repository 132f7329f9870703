import { useTranslation } from 'react-i18next';
import type { SignoffReview } from '../../../src-main/contract/index.js';
import { shortHash } from '../../format/hash.js';
import { useStation } from '../../state/station-context.js';

/** Every decision on this import, oldest first: a rejection stays on record after a later approval. */
export function SignoffHistory({ history }: { history: SignoffReview['history'] }) {
  const { t } = useTranslation();
  const { formatTime } = useStation();
  return (
    <section aria-labelledby="signoff-history-heading">
      <h4 id="signoff-history-heading">{t('signoff.history')}</h4>
      {history.length === 0 ? (
        <p className="muted" data-testid="signoff-no-history">
          {t('signoff.noHistory')}
        </p>
      ) : (
        <ol className="signoff-history" data-testid="signoff-history">
          {history.map((item) => (
            <li key={item.statementSha256} data-decision={item.decision} data-testid="signoff-history-item">
              <strong>{t(`signoff.state.${item.decision}`)}</strong> · {item.signer} · {formatTime(item.signedAt)}
              {item.reason ? <div>{t('signoff.reasonSaid', { reason: item.reason })}</div> : null}
              <div className="muted mono" title={item.statementSha256}>
                {t('signoff.statement', { hash: shortHash(item.statementSha256), key: item.keyId })}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
