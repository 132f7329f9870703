import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatBytes } from '../../format/bytes.js';
import { formatDuration } from '../../format/duration.js';
import { useCommand } from '../../hooks/use-command.js';
import { useMediaUrl } from '../../hooks/use-media-url.js';
import { useSession } from '../../state/session.js';
import { useStation } from '../../state/station-context.js';
import { ClassifyControl } from '../custody/ClassifyControl.js';
import { classifies, exports } from '../custody/custody-view.js';
import { ExportButton } from '../custody/ExportDialog.js';
import { LevelBadge, SignoffBadge } from '../custody/LevelBadge.js';
import { RegisterSerial } from '../devices/RegisterSerial.js';
import { HashFacts } from './HashFacts.js';
import { MediaPlayer } from './MediaPlayer.js';
import { MetadataTable } from './MetadataTable.js';
import { RecordedAtFacts } from './RecordedAtFacts.js';
import { RecordingClockFacts } from './RecordingClockFacts.js';
import { RecordingProblem } from './RecordingProblem.js';
import { SightingList } from './SightingList.js';

export function RecordingDetailPanel({ id, onClose, onChanged }: { id: number; onClose(): void; onChanged?(): void }) {
  const { t } = useTranslation();
  const { formatTime } = useStation();
  const { status } = useSession();
  const detail = useCommand('recordings.get', { id });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  // A failed reload shows no stale facts: after a level is raised the viewer may no longer see it.
  const value = detail.value && detail.value.id === id && detail.state !== 'failed' ? detail.value : null;
  const { reload } = detail;
  const changed = useCallback(() => {
    reload();
    onChanged?.();
  }, [reload, onChanged]);
  const mediaUrl = useMediaUrl(value?.id ?? null);
  return (
    <aside className="detail" aria-labelledby="detail-heading" data-testid="recording-detail">
      <div className="panel-head">
        <h3 id="detail-heading" className="break">
          {value?.originalName ?? t('common.loading')}
        </h3>
        <button type="button" onClick={onClose} data-testid="detail-close" aria-label={t('common.close')}>
          ✕
        </button>
      </div>
      {detail.state === 'failed' ? (
        <ErrorMessage error={detail.error} text={detail.error.code === 'forbidden' ? t('confidentiality.masked') : undefined} />
      ) : null}
      {value ? (
        <>
          <MediaPlayer key={value.id} kind={value.kind} src={mediaUrl} name={value.originalName} />
          <RecordingProblem detail={value} />
          <p className="detail-custody">
            <LevelBadge level={value.confidentiality} /> <SignoffBadge signoff={value.signoff} />
          </p>
          {classifies(status) ? <ClassifyControl key={`${value.id}-${value.confidentiality}`} recordingId={value.id} level={value.confidentiality} onChanged={changed} /> : null}
          {exports(status) ? <ExportButton target={{ recordingIds: [value.id] }} /> : null}
          <dl className="facts">
            <RecordedAtFacts detail={value} formatTime={formatTime} />
            <dt>{t('detail.device')}</dt>
            <dd>{value.device ?? '—'}</dd>
            <dt>{t('detail.kind')}</dt>
            <dd>{t(`kinds.${value.kind}`)}</dd>
            <dt>{t('detail.duration')}</dt>
            <dd>{formatDuration(value.durationSeconds)}</dd>
            <dt>{t('detail.size')}</dt>
            <dd>
              {formatBytes(value.size)} <span className="muted">({value.size.toLocaleString()} B)</span>
            </dd>
            <dt>{t('detail.codec')}</dt>
            <dd>
              {value.codec ?? '—'}
              {value.width && value.height ? ` · ${value.width}×${value.height}` : ''}
            </dd>
            <dt>{t('detail.archivedAt')}</dt>
            <dd>{formatTime(value.archivedAt)}</dd>
            <dt>{t('detail.archivePath')}</dt>
            <dd className="mono break">{value.archivePath}</dd>
          </dl>
          {value.unregisteredSerial !== null ? <RegisterSerial key={value.id} serial={value.unregisteredSerial} testId="detail-register" /> : null}
          <RecordingClockFacts clock={value.clock} formatTime={formatTime} />
          <HashFacts detail={value} />
          <SightingList sightings={value.sightings} formatTime={formatTime} />
          <MetadataTable metadata={value.metadata} />
        </>
      ) : null}
    </aside>
  );
}
