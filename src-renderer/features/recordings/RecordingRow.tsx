import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Recording } from '../../../src-main/contract/index.js';
import { formatBytes } from '../../format/bytes.js';
import { formatDuration } from '../../format/duration.js';
import { shortHash } from '../../format/hash.js';
import type { TimeFormatter } from '../../format/station-time.js';
import { LevelBadge, SignoffBadge } from '../custody/LevelBadge.js';
import { RecordingStatus } from './RecordingStatus.js';
import { RecordingThumbnail } from './RecordingThumbnail.js';

interface Props {
  index: number;
  recording: Recording | undefined;
  style: CSSProperties;
  selected: boolean;
  formatTime: TimeFormatter;
  /** The ingest the list is filtered to: a recording an earlier ingest archived was already in the archive when it ran. */
  viewedIngestId: string | null;
  onOpen(id: number): void;
}

export function RecordingRow({ index, recording, style, selected, formatTime, viewedIngestId, onOpen }: Props) {
  const { t } = useTranslation();
  if (!recording) {
    return (
      <div className="rec-grid rec-row loading" style={style} role="row" aria-rowindex={index + 2} aria-busy="true">
        <span role="cell" className="muted">
          {t('common.loading')}
        </span>
      </div>
    );
  }
  return (
    <div
      className={selected ? 'rec-grid rec-row selected' : 'rec-grid rec-row'}
      style={style}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={0}
      data-testid="recording-row"
      data-recording-id={recording.id}
      data-sha256={recording.sha256}
      data-masked={recording.masked || undefined}
      onClick={() => onOpen(recording.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onOpen(recording.id);
        }
      }}
    >
      <span role="cell" className="col-thumb">
        <RecordingThumbnail key={recording.id} recording={recording} />
      </span>
      <span role="cell" className="num">
        {formatTime(recording.recordedAt)}
      </span>
      {/* Cut from the left: the file name at the end of the path is what tells rows apart. */}
      {/* A masked row's name is a placeholder from the station: say plainly that it may not be seen. */}
      {recording.masked ? (
        <span role="cell" className="ellipsis muted" data-testid="recording-file">
          🔒 {t('confidentiality.maskedName')}
        </span>
      ) : (
        <span role="cell" className="ellipsis-start" title={recording.originalName} data-testid="recording-file">
          <bdi>{recording.originalName}</bdi>
        </span>
      )}
      <span role="cell" className="ellipsis" title={recording.device ?? undefined} data-testid="recording-device">
        {recording.device ?? '—'}
      </span>
      <span role="cell" className="mono" data-testid="recording-officer">
        {recording.officerNumber ?? '—'}
        {recording.important ? (
          <span className="important-mark" title={t('recordings.important')} data-testid="recording-important">
            {' '}★
          </span>
        ) : null}
      </span>
      <span role="cell" className="col-kind">
        {t(`kinds.${recording.kind}`)}
      </span>
      <span role="cell" className="num">
        {formatDuration(recording.durationSeconds)}
      </span>
      <span role="cell" className="num">
        {formatBytes(recording.size)}
      </span>
      <span role="cell" className="mono col-hash" title={recording.sha256}>
        {shortHash(recording.sha256)}
      </span>
      <span role="cell" className="col-status-badges">
        <RecordingStatus readable={recording.readable} />
        {/* "无" would sit on nearly every row: the list shows only the levels that restrict; the detail shows every level. */}
        {recording.confidentiality !== 'none' ? <LevelBadge level={recording.confidentiality} /> : null}
        <SignoffBadge signoff={recording.signoff} />
        {viewedIngestId !== null && recording.ingestId !== viewedIngestId ? (
          <span className="pill" title={t('recordings.alreadyArchivedHint')} data-testid="already-archived">
            {t('recordings.alreadyArchived')}
          </span>
        ) : null}
      </span>
    </div>
  );
}
