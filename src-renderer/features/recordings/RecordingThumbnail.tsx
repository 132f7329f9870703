import { useState } from 'react';
import type { Recording } from '../../../src-main/contract/index.js';
import { useMediaUrl } from '../../hooks/use-media-url.js';

/**
 * One frame of a video, made once by the station and cached; nothing for other kinds or a video
 * with no frame. Not lazy: the list is virtual already, and its signed URL must be used within a minute.
 */
export function RecordingThumbnail({ recording }: { recording: Recording }) {
  const src = useMediaUrl(recording.kind === 'video' ? recording.id : null, 'thumbnail');
  const [failed, setFailed] = useState(false);
  if (src === null || failed) return null;
  return <img className="thumb" src={src} alt="" decoding="async" onError={() => setFailed(true)} data-testid="recording-thumbnail" />;
}
