import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Recording } from '../../../src-main/contract/index.js';
import { useMediaUrl } from '../../hooks/use-media-url.js';

/**
 * One frame of a video, made once by the station and cached; nothing for other kinds or a video
 * with no frame. Not lazy: the list is virtual already, and its signed URL must be used within a minute.
 * A masked (confidential) recording's frame is not asked for at all — the station refuses it — a lock stands in.
 */
export function RecordingThumbnail({ recording }: { recording: Recording }) {
  const { t } = useTranslation();
  const src = useMediaUrl(recording.kind === 'video' && !recording.masked ? recording.id : null, 'thumbnail');
  const [failed, setFailed] = useState(false);
  if (recording.masked) {
    return (
      <span className="thumb thumb-locked" role="img" aria-label={t('confidentiality.masked')} data-testid="recording-locked">
        🔒
      </span>
    );
  }
  if (src === null || failed) return null;
  return <img className="thumb" src={src} alt="" decoding="async" onError={() => setFailed(true)} data-testid="recording-thumbnail" />;
}
