import { useTranslation } from 'react-i18next';
import type { RecordingDetail } from '../../../src-main/contract/index.js';
import { CopyButton } from '../../components/CopyButton.js';

/** The two hashes that prove the copy: taken while copying, and read back from the archive disk. */
export function HashFacts({ detail }: { detail: RecordingDetail }) {
  const { t } = useTranslation();
  const match = detail.sourceSha256 === detail.verifiedSha256;
  return (
    <section aria-labelledby="integrity-heading">
      <h4 id="integrity-heading">{t('detail.integrity')}</h4>
      <dl className="facts">
        <dt>
          {t('detail.sha256')} <CopyButton value={detail.sha256} testId="copy-sha256" />
        </dt>
        <dd className="mono break" data-testid="detail-sha256">
          {detail.sha256}
        </dd>
        <dt>{t('detail.sourceSha256')}</dt>
        <dd className="mono break" data-testid="detail-source-sha256">
          {detail.sourceSha256}
        </dd>
        <dt>{t('detail.verifiedSha256')}</dt>
        <dd className="mono break" data-testid="detail-verified-sha256">
          {detail.verifiedSha256}
        </dd>
        <dt>{t('detail.hashCheck')}</dt>
        <dd data-testid="detail-hash-check">
          <span className={match ? 'badge status-archived' : 'badge status-failed'}>
            {match ? t('detail.hashesMatch') : t('detail.hashesDiffer')}
          </span>
        </dd>
        <dt>{t('detail.verification')}</dt>
        <dd data-testid="detail-verification">{t(`verification.${detail.verification}`)}</dd>
      </dl>
    </section>
  );
}
