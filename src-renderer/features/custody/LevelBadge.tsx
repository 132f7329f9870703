import { useTranslation } from 'react-i18next';
import type { Confidentiality, Recording } from '../../../src-main/contract/index.js';
import { levelKey } from './custody-view.js';

/** The recording's confidentiality level (Art. 14); "无" stays quiet, the secret levels stand out. */
export function LevelBadge({ level }: { level: Confidentiality }) {
  const { t } = useTranslation();
  const tone = level === 'none' ? 'badge' : level === 'state-secret' ? 'pill pill-bad' : 'pill pill-warn';
  return (
    <span className={`${tone} level-badge`} title={t('confidentiality.label')} data-testid="recording-level" data-level={level}>
      {t(levelKey(level))}
    </span>
  );
}

/** The import's standing sign-off (Art. 13): 已签核 or 已退回, nothing while it waits. */
export function SignoffBadge({ signoff }: { signoff: Recording['signoff'] }) {
  const { t } = useTranslation();
  if (signoff === null) return null;
  return (
    <span
      className={signoff.state === 'approved' ? 'badge signoff-approved' : 'pill pill-bad'}
      title={t('confidentiality.signedBy', { name: signoff.signer })}
      data-testid="recording-signoff"
      data-state={signoff.state}
    >
      {t(signoff.state === 'approved' ? 'confidentiality.signoff.approved' : 'confidentiality.signoff.rejected')}
    </span>
  );
}
