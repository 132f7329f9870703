import { useEffect, useState } from 'react';
import { useApi } from '../api/context.js';

/**
 * Where the player loads a recording from (with `thumbnail`, its frame for the list), asked for
 * when the recording is shown; null meanwhile or when refused.
 */
export function useMediaUrl(recordingId: number | null, part?: 'thumbnail'): string | null {
  const api = useApi();
  const [answer, setAnswer] = useState<{ recordingId: number; url: string } | null>(null);
  useEffect(() => {
    if (recordingId === null) return;
    let current = true;
    api.mediaUrl(recordingId, part).then(
      (url) => current && setAnswer({ recordingId, url }),
      // Refused (signed out): the page then says how to sign in again; the player stays empty.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, recordingId, part]);
  return answer !== null && answer.recordingId === recordingId ? answer.url : null;
}
