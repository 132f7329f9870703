import { useState } from 'react';
import type { Recording } from '../../../src-main/contract/index.js';
import { useApi } from '../../api/context.js';

/** One frame of a video, made once by the station and cached; nothing for other kinds or a video with no frame. */
export function RecordingThumbnail({ recording }: { recording: Recording }) {
  const api = useApi();
  const [failed, setFailed] = useState(false);
  if (recording.kind !== 'video' || failed) return null;
  return <img className="thumb" src={api.mediaUrl(recording.id, 'thumbnail')} alt="" loading="lazy" decoding="async" onError={() => setFailed(true)} data-testid="recording-thumbnail" />;
}
